//! Server functions of webhooks (owner only: endpoints get every customer's details, and
//! their secrets sign in the shop's name).

use super::WebhooksView;
use crate::error::AppError;
use leptos::prelude::*;

/// How many of the newest deliveries the log shows.
#[cfg(feature = "ssr")]
const LOG: i64 = 50;

#[server(prefix = "/api/admin", endpoint = "webhooks")]
pub async fn webhooks(site: String) -> Result<WebhooksView, AppError> {
    crate::staff::guard::as_owner(&site, |id, pool| async move {
        Ok(WebhooksView {
            endpoints: super::db::endpoints(&pool, id).await?,
            deliveries: super::db::deliveries(&pool, id, LOG).await?,
        })
    })
    .await
}

/// Adds an endpoint with a fresh secret.
#[server(prefix = "/api/admin", endpoint = "add_webhook")]
pub async fn add_webhook(
    site: String,
    url: String,
    events: String,
    #[server(default)] shares: Option<String>,
) -> Result<i64, AppError> {
    crate::staff::guard::owner_changes(&site, |id, pool| async move {
        use crate::domain::{Field, FieldErrors};
        let mut errors = FieldErrors::new();
        let url = errors.check(Field::Url, super::parse_url(&url));
        let events = errors.check(Field::Events, super::parse_events(&events));
        let (Some(url), Some(events)) = (url, events) else { return Err(errors.into()) };
        let secret = new_secret()?;
        let shares = shares.is_some_and(|s| s == "on" || s == "true");
        let endpoint = super::db::add(&pool, id, &url, &secret, &events, shares).await?;
        let third = if shares { ", third party" } else { "" };
        let detail = format!("webhook {endpoint} added: {url} ({}{third})", events.join(","));
        Ok((endpoint, detail))
    })
    .await
}

/// A Standard Webhooks secret: `whsec_` and base64 of 32 random bytes.
#[cfg(feature = "ssr")]
fn new_secret() -> Result<String, AppError> {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| AppError::internal("webhook secret", e))?;
    Ok(format!("whsec_{}", base64::engine::general_purpose::STANDARD.encode(bytes)))
}

#[server(prefix = "/api/admin", endpoint = "remove_webhook")]
pub async fn remove_webhook(site: String, id: i64) -> Result<(), AppError> {
    crate::staff::guard::owner_changes(&site, |site_id, pool| async move {
        if !super::db::remove(&pool, site_id, id).await? {
            return Err(AppError::NotFound);
        }
        let detail = format!("webhook {id} removed");
        Ok(((), detail))
    })
    .await
}

/// "Send again": the delivery is tried at once, with its message id unchanged.
#[server(prefix = "/api/admin", endpoint = "resend_webhook")]
pub async fn resend_webhook(site: String, id: i64) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let (staff, site_id) = crate::staff::guard::owner_and_site(&site).await?;
            let pool = crate::server_ctx::pool()?;
            if !super::db::resend(&pool, site_id, id).await? {
                return Err(AppError::NotFound);
            }
            tracing::info!(staff = staff.id.0, delivery = id, "webhook delivery sent again");
            Ok(())
        }
        .await,
    )
}
