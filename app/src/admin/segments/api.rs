//! Server functions of segments and dormant customers. Segments are customer work:
//! managers and owners only. The filter travels as the builder's JSON in one form field.

use crate::domain::Minor;
use crate::error::AppError;
use crate::segment_rules::{DormantRule, filter::RawFilter};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The columns a segment's list sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortColumn {
    Name,
    Email,
    City,
    Postcode,
    Joined,
    Spent,
    Purchases,
    LastPurchase,
}

impl SortColumn {
    pub const ALL: [(SortColumn, &'static str, &'static str); 8] = [
        (SortColumn::Name, "name", "Name"),
        (SortColumn::Email, "email", "Email"),
        (SortColumn::City, "city", "City"),
        (SortColumn::Postcode, "postcode", "Postcode"),
        (SortColumn::Joined, "joined", "Joined"),
        (SortColumn::Spent, "spent", "Spent"),
        (SortColumn::Purchases, "purchases", "Purchases"),
        (SortColumn::LastPurchase, "last_purchase", "Last purchase"),
    ];

    pub fn code(self) -> &'static str {
        Self::ALL.iter().find(|(c, _, _)| *c == self).map_or("name", |(_, code, _)| code)
    }

    pub fn from_code(code: &str) -> Option<SortColumn> {
        Self::ALL.iter().find(|(_, c, _)| *c == code).map(|(column, _, _)| *column)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sort {
    pub column: SortColumn,
    pub descending: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentRow {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub city: String,
    pub postcode: String,
    pub joined: String,
    /// Spent and purchases ever, whatever window the filter looks at.
    pub spent: Minor,
    pub purchases: i64,
    pub last_purchase: Option<String>,
}

/// How many customers match, and one page of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentPage {
    pub count: i64,
    pub rows: Vec<SegmentRow>,
    pub page: u32,
    pub per_page: u32,
    /// How the site's amounts are written for this reader.
    pub money: crate::domain::MoneyStyle,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSegment {
    pub id: i64,
    pub name: String,
    pub filter: RawFilter,
    pub updated_at: String,
}

/// Values the builder offers for a site's rules.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choices {
    pub reasons: Vec<String>,
    pub heard: Vec<String>,
    /// (SKU, name), the first [`LISTED_ITEMS`] by name.
    pub items: Vec<(String, String)>,
    /// The site has more products than `items` holds: the value is typed (a SKU), with
    /// `items` as suggestions, instead of picked from a list of them all.
    #[serde(default)]
    pub items_more: bool,
    pub tags: Vec<String>,
}

/// How many products the builder lists; a catalogue of 100,000 is typed into, not listed.
pub const LISTED_ITEMS: i64 = 300;

/// Rows per page of a segment.
pub const PER_PAGE: u32 = 25;
/// More rules than this is not a filter anyone builds by hand.
pub const MAX_RULES: usize = 40;

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::domain::{Field, FieldErrors, Problem};
    use crate::segment_rules::filter::Filter;

    /// The builder's JSON, parsed into a filter; problems name the rule (1-based).
    pub fn parse_filter(json: &str) -> Result<(RawFilter, Filter), AppError> {
        let raw: RawFilter = serde_json::from_str(json)
            .map_err(|_| AppError::Invalid(FieldErrors::one(Field::Rule, Problem::UnknownOption)))?;
        if raw.rule_count() > MAX_RULES {
            return Err(AppError::Invalid(FieldErrors::one(Field::Rule, Problem::TooLong)));
        }
        let filter = raw.parse().map_err(AppError::InvalidRows)?;
        Ok((raw, filter))
    }
}

/// How many of the site's customers `filter` (the builder's JSON) matches.
#[server(prefix = "/api/admin", endpoint = "count_segment")]
pub async fn count_segment(site: String, filter: String) -> Result<i64, AppError> {
    crate::server_ctx::answer(
        async move {
            let (_, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let (_, filter) = ssr::parse_filter(&filter)?;
            Ok(super::db::count(&pool, site, &filter, crate::server_ctx::now()).await?)
        }
        .await,
    )
}

/// The count and one page of the customers `filter` matches, sorted by `sort` (a
/// [`SortColumn`] code).
#[server(prefix = "/api/admin", endpoint = "run_segment")]
pub async fn run_segment(
    site: String,
    filter: String,
    sort: String,
    descending: bool,
    page: u32,
) -> Result<SegmentPage, AppError> {
    crate::server_ctx::answer(
        async move {
            let (_, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let (_, filter) = ssr::parse_filter(&filter)?;
            let sort = Sort { column: SortColumn::from_code(&sort).unwrap_or(SortColumn::Name), descending };
            let page = page.clamp(1, 100_000);
            let now = crate::server_ctx::now();
            let count = super::db::count(&pool, site, &filter, now).await?;
            let offset = i64::from(page - 1) * i64::from(PER_PAGE);
            let rows = super::db::page(&pool, site, &filter, now, sort, offset, i64::from(PER_PAGE), false).await?;
            let money = crate::sites::money_style::for_site(&pool, site).await?;
            Ok(SegmentPage { count, rows, page, per_page: PER_PAGE, money })
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "segment_choices")]
pub async fn segment_choices(site: String) -> Result<Choices, AppError> {
    crate::server_ctx::answer(
        async move {
            let (_, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            Ok(super::db::choices(&pool, site).await?)
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "list_segments")]
pub async fn list_segments(site: String) -> Result<Vec<SavedSegment>, AppError> {
    crate::server_ctx::answer(
        async move {
            let (_, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            Ok(super::db::saved(&pool, site).await?)
        }
        .await,
    )
}

/// Saves the filter under `name` (replacing the site's segment of that name); its id.
#[server(prefix = "/api/admin", endpoint = "save_segment")]
pub async fn save_segment(site: String, name: String, filter: String) -> Result<i64, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Problem};
            let (staff, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let name = name.trim();
            let problem = if name.is_empty() {
                Some(Problem::Required)
            } else if name.chars().count() > 80 {
                Some(Problem::TooLong)
            } else if name.chars().any(char::is_control) {
                Some(Problem::BadCharacters)
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(AppError::Invalid(FieldErrors::one(Field::SegmentName, problem)));
            }
            let (raw, _) = ssr::parse_filter(&filter)?;
            let json = serde_json::to_string(&raw).map_err(|e| AppError::internal("segment to JSON", e))?;
            Ok(super::db::save(&pool, site, name, &json, staff.id).await?)
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "delete_segment")]
pub async fn delete_segment(site: String, id: i64) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let (_, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            if super::db::delete(&pool, site, id).await? { Ok(()) } else { Err(AppError::NotFound) }
        }
        .await,
    )
}

/// Tags every customer the filter matches; how many got the tag now.
#[server(prefix = "/api/admin", endpoint = "tag_segment")]
pub async fn tag_segment(site: String, filter: String, tag: String) -> Result<u64, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors};
            let (_, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let tag =
                crate::domain::parse_tag(&tag).map_err(|p| AppError::Invalid(FieldErrors::one(Field::Text, p)))?;
            let (_, filter) = ssr::parse_filter(&filter)?;
            Ok(super::db::tag_all(&pool, site, &filter, crate::server_ctx::now(), &tag).await?)
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "dormant_rule")]
pub async fn get_dormant_rule(site: String) -> Result<DormantRule, AppError> {
    crate::server_ctx::answer(
        async move {
            let (_, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let (_, days) = crate::sites::db::site_rules(&pool, site).await?;
            Ok(DormantRule { days, filter: DormantRule::filter(days) })
        }
        .await,
    )
}

/// Sets after how many days without a purchase a customer of the site is dormant.
#[server(prefix = "/api/admin", endpoint = "set_dormant_days")]
pub async fn set_dormant_days(site: String, days: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Problem};
            let (staff, site, pool) = crate::staff::guard::manager_and_site(&site).await?;
            let days = match days.trim().parse::<u32>() {
                Ok(d) if (1..=3650).contains(&d) => d,
                Ok(_) => return Err(AppError::Invalid(FieldErrors::one(Field::DormantDays, Problem::OutOfRange))),
                Err(_) => return Err(AppError::Invalid(FieldErrors::one(Field::DormantDays, Problem::NotANumber))),
            };
            super::db::set_dormant_days(&pool, site, days).await?;
            let detail = format!("dormant after {days} days");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                Some(site),
                None,
                &detail,
            )
            .await
        }
        .await,
    )
}
