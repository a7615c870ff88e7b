//! Server functions of retention: read and change a site's rules (owner only), and apply
//! them now instead of at the job's next hourly run.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// How long a site keeps what it collects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    pub analytics_months: i64,
    /// `None`: inactive customers are kept.
    pub inactive_months: Option<i64>,
    pub last_run_at: Option<String>,
}

impl Default for Rules {
    /// What a new site starts with (the schema's defaults).
    fn default() -> Self {
        Rules { analytics_months: 13, inactive_months: Some(36), last_run_at: None }
    }
}

/// One run of the job that removed something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionRun {
    pub at: String,
    /// Stale uploads and unused links, which belong to no one site's rules.
    pub server_wide: bool,
    pub page_views: i64,
    pub events: i64,
    pub customers: i64,
    pub uploads: i64,
    pub links: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionView {
    pub rules: Rules,
    pub runs: Vec<RetentionRun>,
}

pub const ANALYTICS_MONTHS: std::ops::RangeInclusive<i64> = 1..=120;
pub const INACTIVE_MONTHS: std::ops::RangeInclusive<i64> = 6..=240;

/// A number of months within `range`.
pub fn parse_months(raw: &str, range: std::ops::RangeInclusive<i64>) -> Result<i64, crate::domain::Problem> {
    crate::domain::parse_whole_in(raw, range)
}

#[server(prefix = "/api/admin", endpoint = "retention")]
pub async fn retention(site: String) -> Result<RetentionView, AppError> {
    crate::staff::guard::as_owner(&site, |id, pool| async move {
        Ok(RetentionView { rules: super::db::rules(&pool, id).await?, runs: super::db::runs(&pool, id, 10).await? })
    })
    .await
}

/// Saves the rules; an empty `inactive_months` keeps inactive customers.
#[server(prefix = "/api/admin", endpoint = "save_retention")]
pub async fn save_retention(site: String, analytics_months: String, inactive_months: String) -> Result<(), AppError> {
    crate::staff::guard::owner_changes(&site, |id, pool| async move {
        use crate::domain::{Field, FieldErrors};
        let mut errors = FieldErrors::new();
        let analytics = errors.check(Field::AnalyticsMonths, parse_months(&analytics_months, ANALYTICS_MONTHS));
        let inactive = if inactive_months.trim().is_empty() {
            Some(None)
        } else {
            errors.check(Field::InactiveMonths, parse_months(&inactive_months, INACTIVE_MONTHS)).map(Some)
        };
        let (Some(analytics), Some(inactive)) = (analytics, inactive) else {
            return Err(errors.into());
        };
        super::db::save(&pool, id, analytics, inactive).await?;
        crate::policy::republish(&pool, id).await;
        let detail = match inactive {
            Some(m) => format!("retention: analytics {analytics} months, inactive customers {m} months"),
            None => format!("retention: analytics {analytics} months, inactive customers kept"),
        };
        Ok(((), detail))
    })
    .await
}

/// Runs the retention job now (all sites, as the hourly run would).
#[server(prefix = "/api/admin", endpoint = "apply_retention")]
pub async fn apply_retention(site: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let (staff, _) = crate::staff::guard::owner_and_site(&site).await?;
            let pool = crate::server_ctx::pool()?;
            let done = super::db::apply(&pool).await?;
            super::log_run(&done);
            tracing::info!(staff = staff.id.0, "retention applied from the admin");
            Ok(())
        }
        .await,
    )
}
