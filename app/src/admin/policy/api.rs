//! Server functions of the privacy policy: the owner reads the version in force with the
//! list of versions, and publishes their own words.

use crate::error::AppError;
use crate::policy::{PolicyVersion, Published};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The owner's words are at most this long.
pub const OWNER_TEXT_MAX: usize = 5000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyView {
    pub site_key: String,
    pub current: Option<Published>,
    pub versions: Vec<PolicyVersion>,
}

#[server(prefix = "/api/admin", endpoint = "privacy_policy")]
pub async fn privacy_policy(site: String) -> Result<PolicyView, AppError> {
    crate::staff::guard::as_owner(&site.clone(), |id, pool| async move {
        crate::policy::db::refresh(&pool, id, None, None).await?;
        Ok(PolicyView {
            site_key: site,
            current: crate::policy::db::published(&pool, id, None, None).await?,
            versions: crate::policy::db::versions(&pool, id).await?,
        })
    })
    .await
}

/// Publishes the owner's words (who they are, how to reach them) as a new version.
#[server(prefix = "/api/admin", endpoint = "save_privacy_policy")]
pub async fn save_privacy_policy(site: String, owner_text: String) -> Result<i64, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, FreeText};
            let (staff, id) = crate::staff::guard::owner_and_site(&site).await?;
            let text =
                FreeText::parse(&owner_text, OWNER_TEXT_MAX).map_err(|p| FieldErrors::one(Field::PolicyText, p))?;
            let pool = crate::server_ctx::pool()?;
            let version = crate::policy::db::refresh(&pool, id, Some(text.as_str()), Some(staff.id))
                .await?
                .ok_or(AppError::NotFound)?;
            let detail = format!("privacy policy: version {version} in force");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
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
