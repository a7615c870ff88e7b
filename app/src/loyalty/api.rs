//! Server functions of loyalty: programmes (owner), and a customer's cards at the till and on
//! the record — balance, redeeming, the birthday gift, adjusting by hand (any staff: it is
//! till work; each entry names who made it and, for an adjustment, why).

use super::{Card, Programme, RulesForm};
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api/admin", endpoint = "loyalty_programmes")]
pub async fn loyalty_programmes(site: String) -> Result<Vec<Programme>, AppError> {
    crate::staff::guard::as_owner(&site, |id, pool| async move { Ok(super::db::programmes(&pool, id).await?) }).await
}

/// Creates a programme (`id` blank) or changes one. What was earned keeps what it was given.
#[server(prefix = "/api/admin", endpoint = "save_loyalty_programme")]
pub async fn save_loyalty_programme(
    site: String,
    #[server(default)] id: String,
    form: RulesForm,
) -> Result<i64, AppError> {
    crate::staff::guard::owner_changes(&site, |site_id, pool| async move {
        let id = match id.trim() {
            "" => None,
            raw => Some(raw.parse::<i64>().map_err(|_| AppError::NotFound)?),
        };
        let rules = super::Rules::try_from(form)?;
        let saved = super::db::save(&pool, site_id, id, &rules).await?.ok_or(AppError::NotFound)?;
        let detail = format!(
            "loyalty programme {saved} {}: {} ({}{})",
            if id.is_some() { "changed" } else { "created" },
            rules.name,
            rules.kind.code(),
            if rules.active { ", active" } else { ", paused" }
        );
        Ok((saved, detail))
    })
    .await
}

#[server(prefix = "/api/admin", endpoint = "loyalty_cards")]
pub async fn loyalty_cards(customer: i64) -> Result<Vec<Card>, AppError> {
    crate::server_ctx::answer(
        async move {
            crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let pool = crate::server_ctx::pool()?;
            super::db::cards(&pool, crate::domain::CustomerId(customer), None).await?.ok_or(AppError::NotFound)
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
fn refused(r: super::db::Refused) -> AppError {
    use super::db::Refused;
    let w = crate::staff::texts::of_caller().refusals();
    match r {
        Refused::NotFound => AppError::NotFound,
        Refused::NotEnough(balance) => AppError::Conflict((w.not_enough)(balance)),
        Refused::NotNow => AppError::Conflict(w.birthday_not_now.into()),
    }
}

/// Redeems a reward; the card's new balance. Refused when the balance does not cover it,
/// also when another till redeemed from the same card a moment before.
#[server(prefix = "/api/admin", endpoint = "redeem_reward")]
pub async fn redeem_reward(customer: i64, reward: i64) -> Result<i64, AppError> {
    crate::server_ctx::answer(
        async move {
            let staff = crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let pool = crate::server_ctx::pool()?;
            let left = super::db::redeem(&pool, crate::domain::CustomerId(customer), reward, staff.id)
                .await?
                .map_err(refused)?;
            tracing::info!(staff = staff.id.0, customer, reward, "reward redeemed");
            Ok(left)
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "give_birthday_gift")]
pub async fn give_birthday_gift(customer: i64, programme: i64) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let staff = crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let pool = crate::server_ctx::pool()?;
            super::db::birthday_gift(&pool, crate::domain::CustomerId(customer), programme, staff.id)
                .await?
                .map_err(refused)
        }
        .await,
    )
}

/// Adds or removes stamps or points by hand (`amount` like `2` or `-2`), with the reason.
#[server(prefix = "/api/admin", endpoint = "adjust_loyalty")]
pub async fn adjust_loyalty(customer: i64, programme: i64, amount: String, reason: String) -> Result<i64, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Problem};
            let staff = crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let mut errors = FieldErrors::new();
            let amount = errors.check(
                Field::Amount,
                crate::domain::parse_whole_in(&amount, -1_000_000..=1_000_000)
                    .and_then(|n| if n == 0 { Err(Problem::OutOfRange) } else { Ok(n) }),
            );
            let reason = reason.trim();
            let reason = errors.check(
                Field::AdjustReason,
                match reason.chars().count() {
                    0 => Err(Problem::Required),
                    n if n > 200 => Err(Problem::TooLong),
                    _ => Ok(reason.to_owned()),
                },
            );
            let (Some(amount), Some(reason)) = (amount, reason) else { return Err(errors.into()) };
            let pool = crate::server_ctx::pool()?;
            let left =
                super::db::adjust(&pool, crate::domain::CustomerId(customer), programme, amount, &reason, staff.id)
                    .await?
                    .map_err(refused)?;
            tracing::info!(staff = staff.id.0, customer, programme, amount, "loyalty adjusted");
            Ok(left)
        }
        .await,
    )
}

/// The customer's card number, if they have one.
#[server(prefix = "/api/admin", endpoint = "loyalty_member")]
pub async fn loyalty_member(customer: i64) -> Result<Option<super::Member>, AppError> {
    crate::server_ctx::answer(
        async move {
            crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            Ok(super::db::member(&crate::server_ctx::pool()?, crate::domain::CustomerId(customer)).await?)
        }
        .await,
    )
}

/// Gives the customer a card number (in the shop: the printed card), or the one they have.
#[server(prefix = "/api/admin", endpoint = "issue_loyalty_card")]
pub async fn issue_loyalty_card(customer: i64) -> Result<super::Member, AppError> {
    crate::server_ctx::answer(
        async move {
            let staff = crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let pool = crate::server_ctx::pool()?;
            let member =
                super::db::issue_card(&pool, crate::domain::CustomerId(customer)).await?.ok_or(AppError::NotFound)?;
            tracing::info!(staff = staff.id.0, customer, "loyalty card issued");
            Ok(member)
        }
        .await,
    )
}

/// What the customer's printed card shows, its QR code included.
#[server(prefix = "/api/admin", endpoint = "printable_card")]
pub async fn printable_card(customer: i64) -> Result<super::PrintableCard, AppError> {
    crate::server_ctx::answer(
        async move {
            crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let pool = crate::server_ctx::pool()?;
            super::db::printable(&pool, crate::domain::CustomerId(customer)).await?.ok_or(AppError::NotFound)
        }
        .await,
    )
}
