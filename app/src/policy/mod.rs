//! Each site's privacy policy, published at `/p/SITEKEY/privacy`. Patron writes it from the
//! settings — what each enabled widget and the tracker collect and why, how long things
//! are kept, the customer's rights and where to exercise them — and the owner adds who
//! they are and how to reach them. Every change publishes a new version; every consent
//! record keeps the version in force when it was given.

#[cfg(feature = "ssr")]
pub mod db;
pub mod text;
#[cfg(feature = "ssr")]
pub mod words;

use serde::{Deserialize, Serialize};
use text::Section;

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

/// Publishes the site's policy again after a settings change, if its words changed. A
/// failure is logged, not returned: the change itself was saved, and the next change, a
/// view of the page or a restart publishes it.
#[cfg(feature = "ssr")]
pub async fn republish(pool: &crate::db::Db, site: crate::domain::SiteId) {
    if let Err(e) = db::refresh(pool, site, None, None).await {
        tracing::error!(site = site.0, error = %e, "privacy policy: publishing after a settings change failed");
    }
}
