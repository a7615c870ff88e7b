//! Server functions of the data-subject rights acted on from a customer's record: the
//! do-not-sell flag (any staff member: a customer may ask at the till) and erasure
//! (managers and owners), and the log of requests.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What an erasure did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErasureDone {
    pub rows: i64,
    pub tables: usize,
}

/// A request about personal data, as the requests page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyRequest {
    pub id: i64,
    pub site: String,
    pub customer_id: Option<i64>,
    pub kind: String,
    pub channel: String,
    pub state: String,
    pub received_at: String,
    pub due_at: String,
    pub done_at: Option<String>,
    pub staff: Option<String>,
    pub outcome: String,
    /// The mail with the link of an open self-service request, while it waits in the outbox.
    pub mail: Option<String>,
}

#[server(prefix = "/api/admin", endpoint = "set_do_not_sell")]
pub async fn set_do_not_sell(id: i64, on: bool) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{CustomerId, Role};
            use crate::staff::audit::AuditAction;
            let staff = crate::staff::guard::require_staff(Role::Staff).await?;
            let pool = crate::server_ctx::pool()?;
            let site =
                crate::rights::db::set_do_not_sell(&pool, CustomerId(id), crate::rights::db::By::Staff(&staff), on)
                    .await?
                    .ok_or(AppError::NotFound)?;
            let detail = if on { "not to be sold or shared" } else { "may be sold or shared again" };
            crate::staff::audit::note(&staff, AuditAction::ChangedDoNotSell, Some(site), Some(id), detail).await
        }
        .await,
    )
}

/// Erases the customer for good (the record's "Erase" button, after a confirmation).
#[server(prefix = "/api/admin", endpoint = "erase_customer")]
pub async fn erase_customer(id: i64) -> Result<ErasureDone, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{CustomerId, Role};
            use crate::staff::audit::AuditAction;
            let staff = crate::staff::guard::require_staff(Role::Manager).await?;
            let pool = crate::server_ctx::pool()?;
            let erased = crate::rights::db::erase(&pool, CustomerId(id), crate::rights::db::By::Staff(&staff))
                .await?
                .ok_or(AppError::NotFound)?;
            let detail = format!("{} rows in {} tables", erased.rows, erased.tables);
            crate::staff::audit::note(&staff, AuditAction::ErasedCustomer, Some(erased.site), Some(id), &detail)
                .await?;
            match crate::rights::db::sweep_log(&pool).await {
                Ok(true) => {}
                Ok(false) => tracing::info!(customer = id, "erasure: the log is swept at the next checkpoint"),
                Err(e) => tracing::warn!(customer = id, error = %e, "erasure: sweeping the log failed"),
            }
            tracing::info!(staff = staff.id.0, customer = id, rows = erased.rows, "customer erased");
            Ok(ErasureDone { rows: erased.rows, tables: erased.tables })
        }
        .await,
    )
}

/// The latest requests about personal data, open ones first.
#[server(prefix = "/api/admin", endpoint = "privacy_requests")]
pub async fn privacy_requests() -> Result<Vec<PrivacyRequest>, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::Role;
            crate::staff::guard::require_staff(Role::Manager).await?;
            let pool = crate::server_ctx::pool()?;
            Ok(super::db::requests(&pool, 200).await?)
        }
        .await,
    )
}
