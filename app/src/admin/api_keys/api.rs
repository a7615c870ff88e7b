//! Server functions of API keys (owner only).

use super::ApiKeyView;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api/admin", endpoint = "api_keys")]
pub async fn api_keys(site: String) -> Result<Vec<ApiKeyView>, AppError> {
    crate::staff::guard::as_owner(&site, |id, pool| async move { Ok(super::db::list(&pool, id).await?) }).await
}

/// Makes a key and answers it: the only time it is shown.
#[server(prefix = "/api/admin", endpoint = "create_api_key")]
pub async fn create_api_key(
    site: String,
    name: String,
    scopes: String,
    #[server(default)] shares: Option<String>,
) -> Result<String, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors};
            let (staff, id) = crate::staff::guard::owner_and_site(&site).await?;
            let mut errors = FieldErrors::new();
            let name = errors.check(Field::KeyName, super::parse_name(&name));
            let scopes = errors.check(Field::Scopes, super::parse_scopes(&scopes));
            let (Some(name), Some(scopes)) = (name, scopes) else { return Err(errors.into()) };
            let token = crate::tokens::new_token().map_err(|e| AppError::internal("api key", e))?;
            let key = format!("patron_{token}");
            let pool = crate::server_ctx::pool()?;
            let shares = shares.is_some_and(|s| s == "on" || s == "true");
            let key_id = super::db::create(&pool, id, &name, &key, &scopes, shares, staff.id).await?;
            let third = if shares { " (third party)" } else { "" };
            let detail = format!("API key {key_id} \"{name}\" made{third}: {}", scopes.join(","));
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                Some(id),
                None,
                &detail,
            )
            .await?;
            Ok(key)
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "revoke_api_key")]
pub async fn revoke_api_key(site: String, id: i64) -> Result<(), AppError> {
    crate::staff::guard::owner_changes(&site, |site_id, pool| async move {
        if !super::db::revoke(&pool, site_id, id).await? {
            return Err(AppError::NotFound);
        }
        let detail = format!("API key {id} revoked");
        Ok(((), detail))
    })
    .await
}
