//! Server functions of the privacy policy: the owner reads the version in force with the
//! list of versions, and publishes their own words.

use super::text::Section;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The owner's words are at most this long.
pub const OWNER_TEXT_MAX: usize = 5000;

/// A published version of a policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    pub version: i64,
    pub owner_text: String,
    pub sections: Vec<Section>,
    pub published_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyVersion {
    pub version: i64,
    pub published_at: String,
    /// Who published it; `None` when a settings change did.
    pub staff: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyView {
    pub site_key: String,
    pub current: Option<Published>,
    pub versions: Vec<PolicyVersion>,
}

/// Publishes the site's policy again after a settings change, if its words changed. A
/// failure is logged, not returned: the change itself was saved, and the next change, a
/// view of the page or a restart publishes it.
#[cfg(feature = "ssr")]
pub async fn republish(pool: &sqlx::SqlitePool, site: crate::domain::SiteId) {
    if let Err(e) = super::db::refresh(pool, site, None, None).await {
        tracing::error!(site = site.0, error = %e, "privacy policy: publishing after a settings change failed");
    }
}

#[server(prefix = "/api/admin", endpoint = "privacy_policy")]
pub async fn privacy_policy(site: String) -> Result<PolicyView, AppError> {
    crate::server_ctx::answer(
        async move {
            let (_, id) = crate::admin::settings::owner_and_site(&site).await?;
            let pool = crate::server_ctx::pool()?;
            super::db::refresh(&pool, id, None, None).await?;
            Ok(PolicyView {
                site_key: site,
                current: super::db::published(&pool, id, None).await?,
                versions: super::db::versions(&pool, id).await?,
            })
        }
        .await,
    )
}

/// Publishes the owner's words (who they are, how to reach them) as a new version.
#[server(prefix = "/api/admin", endpoint = "save_privacy_policy")]
pub async fn save_privacy_policy(site: String, owner_text: String) -> Result<i64, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, FreeText};
            let (staff, id) = crate::admin::settings::owner_and_site(&site).await?;
            let text =
                FreeText::parse(&owner_text, OWNER_TEXT_MAX).map_err(|p| FieldErrors::one(Field::PolicyText, p))?;
            let pool = crate::server_ctx::pool()?;
            let version =
                super::db::refresh(&pool, id, Some(text.as_str()), Some(staff.id)).await?.ok_or(AppError::NotFound)?;
            let detail = format!("privacy policy: version {version} in force");
            crate::admin::audit::note(
                &staff,
                crate::admin::audit::AuditAction::ChangedSettings,
                Some(id),
                None,
                &detail,
            )
            .await?;
            Ok(version)
        }
        .await,
    )
}
