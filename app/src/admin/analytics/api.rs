//! The analytics overview: views and visitors per day, pages with time and exit rate,
//! entry pages, referrers and campaigns, for one site and a number of days.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Day {
    pub day: String,
    pub views: i64,
    /// Distinct visitors that day (a visitor's key changes every day, so days cannot be
    /// joined into longer-term unique visitors: that is the privacy design).
    pub visitors: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRow {
    pub path: String,
    pub views: i64,
    pub visitors: i64,
    /// Average time visible, over the views that reported one; `None` if none did.
    pub avg_seconds: Option<i64>,
    /// Views that began a visit (first of the visitor's day, or after 30 minutes idle).
    pub entries: i64,
    /// Views that ended a visit, and their share of the page's views in percent.
    pub exits: i64,
    pub exit_rate: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    pub site: String,
    pub days: u32,
    pub views: i64,
    pub visitors: i64,
    pub visits: i64,
    pub daily: Vec<Day>,
    pub pages: Vec<PageRow>,
    pub referrers: Vec<Count>,
    pub campaigns: Vec<Count>,
}

/// A visit ends after this long without a page view.
pub const VISIT_GAP_MINUTES: i64 = 30;

#[server(prefix = "/api/admin", endpoint = "analytics_overview")]
pub async fn analytics_overview(site: String, days: u32) -> Result<Overview, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Role, SiteKey};
            crate::admin::auth::guard::require_staff(Role::Manager).await?;
            let days = days.clamp(1, 366);
            let key = SiteKey::parse(&site).map_err(|_| AppError::NotFound)?;
            let pool = crate::server_ctx::pool()?;
            let id = crate::admin::settings::db::site_id(&pool, &key).await?.ok_or(AppError::NotFound)?;
            let mut overview = super::db::overview(&pool, id, days).await?;
            overview.site = site;
            Ok(overview)
        }
        .await,
    )
}
