//! Server functions of automation: the rules (owner only: they mail customers in the shop's
//! name and tell its webhooks), and the reservations desk's "arrived" (any staff).

use super::{Fired, Rule};
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api/admin", endpoint = "automation_rules")]
pub async fn automation_rules(site: String) -> Result<Vec<Rule>, AppError> {
    crate::staff::guard::as_owner(&site, |id, pool| async move { Ok(super::db::rules(&pool, id).await?) }).await
}

/// Saves one rule's switches (ticked checkboxes send `on`) and the win-back's code.
#[server(prefix = "/api/admin", endpoint = "save_automation_rule")]
pub async fn save_automation_rule(
    site: String,
    trigger: String,
    #[server(default)] active: Option<String>,
    #[server(default)] send_mail: Option<String>,
    #[server(default)] send_webhook: Option<String>,
    #[server(default)] discount_code: String,
) -> Result<(), AppError> {
    crate::staff::guard::owner_changes(&site, |id, pool| async move {
        use super::{Trigger, db::Settings, parse_discount_code};
        use crate::domain::{Field, FieldErrors, Problem};
        let trigger = Trigger::parse(&trigger).ok_or(AppError::NotFound)?;
        let (active, send_mail, send_webhook) = (active.is_some(), send_mail.is_some(), send_webhook.is_some());
        if active && !send_mail && !send_webhook {
            return Err(AppError::Conflict(crate::staff::texts::of_caller().refusals().rule_does_nothing.into()));
        }
        // The win-back mail is there to carry the code; the other mails have none.
        let discount_code = match trigger {
            Trigger::Dormant if send_mail || !discount_code.trim().is_empty() => parse_discount_code(&discount_code)
                .map_err(|p| AppError::from(FieldErrors::one(Field::DiscountCode, p)))?,
            _ => String::new(),
        };
        if trigger == Trigger::Dormant && discount_code.is_empty() && send_mail {
            return Err(FieldErrors::one(Field::DiscountCode, Problem::Required).into());
        }
        let settings = Settings { active, send_mail, send_webhook, discount_code };
        super::db::save(&pool, id, trigger, &settings).await?;
        let detail = format!(
            "automation {}: {}{}{}",
            trigger.code(),
            if active { "on" } else { "off" },
            if send_mail { ", mail" } else { "" },
            if send_webhook { ", webhook" } else { "" },
        );
        Ok(((), detail))
    })
    .await
}

/// Checks the site's active rules now, as the timer job would.
#[server(prefix = "/api/admin", endpoint = "run_automation")]
pub async fn run_automation(site: String) -> Result<Fired, AppError> {
    crate::staff::guard::as_owner(&site, |id, pool| async move {
        let origin = crate::server_ctx::link_origin()?;
        let fired = super::db::run_site(&pool, id, &origin, crate::server_ctx::now()).await?;
        super::db::log_run(&fired);
        Ok(fired)
    })
    .await
}

/// Marks an item of the reservations desk arrived: it is no longer "expected", and the
/// arrival rule (when on) tells every customer waiting for it at once.
#[server(prefix = "/api/admin", endpoint = "item_arrived")]
pub async fn item_arrived(item: i64) -> Result<Fired, AppError> {
    crate::server_ctx::answer(
        async move {
            let staff = crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let pool = crate::server_ctx::pool()?;
            let site = super::db::mark_arrived(&pool, item).await?.ok_or(AppError::NotFound)?;
            let origin = crate::server_ctx::link_origin()?;
            let fired =
                super::db::run_rule(&pool, site, super::Trigger::ItemArrived, &origin, crate::server_ctx::now())
                    .await?;
            tracing::info!(staff = staff.id.0, item, told = fired.customers, "item arrived");
            Ok(fired)
        }
        .await,
    )
}
