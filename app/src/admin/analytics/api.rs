//! The analytics reports of one site over a range of days: the overview (views and
//! visitors per day, pages with time and exit rate, entry and exit pages, referrers,
//! campaigns, screens, languages, goals) and the path explorer.

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

/// A custom event (`patron.track(name)`) as a goal: how many visitors reached it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub name: String,
    pub events: i64,
    /// Visitors (per day, summed) with at least one such event.
    pub visitors: i64,
    /// `visitors` as a share of all visitors of the period, in percent, rounded.
    pub rate: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    pub site: String,
    /// The period shown, `YYYY-MM-DD`, both days included.
    pub from: String,
    pub to: String,
    pub views: i64,
    pub visitors: i64,
    pub visits: i64,
    pub daily: Vec<Day>,
    /// The most viewed pages.
    pub pages: Vec<PageRow>,
    /// Where visits began, most first.
    pub entry_pages: Vec<Count>,
    /// Where visits ended, most exits first.
    pub exit_pages: Vec<PageRow>,
    pub referrers: Vec<Count>,
    pub campaigns: Vec<Count>,
    /// Visitors by screen class (mobile, tablet, desktop) and by browser language.
    pub screens: Vec<Count>,
    pub languages: Vec<Count>,
    pub goals: Vec<Goal>,
}

/// Where visits went after a page, as a tree three steps deep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathTree {
    pub start: String,
    /// Views of `start` in the period: the 100 % of the first step.
    pub views: i64,
    pub next: Vec<PathNode>,
}

/// One step of a path: `path` is `None` where the visit ended there. `other` gathers the
/// rarer pages of a step in one node so the shares of a step add up to its parent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathNode {
    pub path: Option<String>,
    pub other: bool,
    pub count: i64,
    pub next: Vec<PathNode>,
}

/// Path explorer depth, and how many pages each step shows before "other pages".
pub const PATH_STEPS: usize = 3;
pub const PATH_BRANCHES: usize = 5;

/// Whose midnight a period's days begin at.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DaysOf {
    /// The site's clock: reports, the loyalty report, the purchases file.
    Site,
    /// UTC: page analytics, whose visitor keys and daily sums are per UTC day. With the site's
    /// today, "the last 7 days" of a site east of UTC ended tomorrow in UTC during the first
    /// hours of its day, and that day's views were left out.
    Utc,
}

/// The manager's check, the site, and the period: `from`–`to` when both are given, else the
/// last `days` days (30 when neither), ending today as `days_of` counts days.
#[cfg(feature = "ssr")]
pub(crate) async fn site_and_range(
    site: &str,
    days: Option<u32>,
    from: Option<String>,
    to: Option<String>,
    days_of: DaysOf,
) -> Result<(crate::domain::SiteId, crate::domain::DateRange), AppError> {
    use crate::domain::{DateRange, Field, FieldErrors, PastDate, Role};
    let staff = crate::staff::guard::require_staff(Role::Manager).await?;
    let pool = crate::server_ctx::pool()?;
    let id = crate::staff::guard::site_for(&pool, &staff, site).await?;
    // Today on the site's clock: a Helsinki report at 01:00 ends with the day just begun.
    let today = match days_of {
        DaysOf::Site => {
            let today = crate::sites::clock::today(&crate::sites::clock::of_site(&pool, id).await?);
            PastDate::parse(&today, None).unwrap_or_else(|_| PastDate::today())
        }
        DaysOf::Utc => PastDate::today(),
    };
    let range = match (from.filter(|f| !f.is_empty()), to.filter(|t| !t.is_empty())) {
        (Some(from), Some(to)) => DateRange::parse(&from, &to, today.as_str())
            .map_err(|problem| AppError::Invalid(FieldErrors::one(Field::Period, problem)))?,
        _ => DateRange::last_days(days.unwrap_or(30), &today),
    };
    Ok((id, range))
}

#[server(prefix = "/api/admin", endpoint = "analytics_overview")]
pub async fn analytics_overview(
    site: String,
    days: Option<u32>,
    from: Option<String>,
    to: Option<String>,
) -> Result<Overview, AppError> {
    crate::server_ctx::answer(
        async move {
            let (id, range) = site_and_range(&site, days, from, to, DaysOf::Utc).await?;
            let mut overview = super::db::overview(&crate::server_ctx::pool()?, id, &range).await?;
            overview.site = site;
            Ok(overview)
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "analytics_paths")]
pub async fn analytics_paths(
    site: String,
    days: Option<u32>,
    from: Option<String>,
    to: Option<String>,
    start: String,
) -> Result<PathTree, AppError> {
    crate::server_ctx::answer(
        async move {
            let (id, range) = site_and_range(&site, days, from, to, DaysOf::Utc).await?;
            Ok(super::db::paths(&crate::server_ctx::pool()?, id, &range, &start).await?)
        }
        .await,
    )
}
