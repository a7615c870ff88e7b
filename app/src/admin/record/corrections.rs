//! Server functions that correct a purchase on the record: void it, or return some of its
//! lines (see `crate::corrections`).

use crate::corrections::ReturnForm;
use crate::domain::Minor;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn refused(refused: crate::corrections::Refused) -> AppError {
    use crate::corrections::Refused;
    use crate::domain::{Field, FieldErrors, Problem};
    let w = crate::staff::texts::of_caller().refusals();
    match refused {
        Refused::NotFound => AppError::NotFound,
        Refused::NotAllowed => AppError::Conflict(w.void_not_allowed.into()),
        Refused::Voided => AppError::Conflict(w.purchase_voided.into()),
        Refused::TooMany { .. } => FieldErrors::one(Field::Quantity, Problem::OutOfRange).into(),
    }
}

/// Voids a purchase entered by mistake: it no longer counts anywhere, and what it earned
/// on loyalty cards is taken back.
#[server(prefix = "/api/admin", endpoint = "void_purchase")]
pub async fn void_purchase(id: i64, reason: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::corrections::{Corrector, db, parse_reason};
            use crate::domain::{Field, FieldErrors, Role};
            let staff = crate::staff::guard::require_staff(Role::Staff).await?;
            let reason = parse_reason(&reason).map_err(|p| AppError::from(FieldErrors::one(Field::Reason, p)))?;
            let by = Corrector::Staff { id: staff.id, role: staff.role };
            db::void(&crate::server_ctx::pool()?, id, None, by, &reason).await?.map_err(refused)?;
            tracing::info!(staff = staff.id.0, purchase = id, "purchase voided");
            Ok(())
        }
        .await,
    )
}

/// Records a return of some lines of a purchase; answers the money to give back.
#[server(prefix = "/api/admin", endpoint = "return_purchase")]
pub async fn return_purchase(form: ReturnForm) -> Result<Minor, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::corrections::{Corrector, ValidReturn, db};
            use crate::domain::Role;
            let staff = crate::staff::guard::require_staff(Role::Staff).await?;
            let valid = ValidReturn::parse(&form)?;
            let by = Corrector::Staff { id: staff.id, role: staff.role };
            let amount = db::return_lines(&crate::server_ctx::pool()?, &valid, None, by).await?.map_err(refused)?;
            tracing::info!(staff = staff.id.0, purchase = form.purchase, amount = amount.0, "purchase returned");
            Ok(amount)
        }
        .await,
    )
}
