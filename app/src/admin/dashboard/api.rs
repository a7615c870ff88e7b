//! The dashboard's figures: what happened today, and what is waiting.

use crate::domain::Minor;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Today {
    /// Today on the site's clock (`YYYY-MM-DD`), which the figures count from.
    pub day: String,
    pub new_customers: i64,
    pub purchases: i64,
    /// Takings per currency (sites may use different ones); zero in each site's currency
    /// before the first sale.
    pub takings: Vec<(String, Minor)>,
    /// How the sites' currencies are written for this reader.
    pub money: Vec<crate::domain::MoneyStyle>,
    /// Today's sales, newest first (at most [`SALES_SHOWN`]).
    pub sales: Vec<Sale>,
    pub open_reservations: i64,
    pub interactions: i64,
    /// Customers past their site's dormant rule (managers and owners only: it is customer work).
    pub dormant: Option<i64>,
    /// For owners, when no key was configured: where the generated key lies.
    pub key_beside_database: Option<String>,
}

/// How many of today's sales the page lists; the Reports page has the rest.
pub const SALES_SHOWN: i64 = 50;

/// One of today's sales as the dashboard lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sale {
    pub id: i64,
    pub customer_id: Option<i64>,
    /// The customer's name ('' when the record has none).
    pub customer: String,
    pub at: String,
    /// What was paid less what was refunded.
    pub net: Minor,
    pub currency: String,
    pub payment_method: String,
}

/// "Today" is the day on the clock of the site the staff member works on (UTC when there
/// is no site yet).
#[server(prefix = "/api/admin", endpoint = "dashboard")]
pub async fn dashboard() -> Result<Today, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::Role;
            let staff = crate::staff::guard::require_staff(Role::Staff).await?;
            let pool = crate::server_ctx::pool()?;
            let zone = match crate::staff::guard::site_for(&pool, &staff, "").await {
                Ok(site) => crate::sites::clock::of_site(&pool, site).await?,
                Err(AppError::NotFound) => jiff::tz::TimeZone::UTC,
                Err(e) => return Err(e),
            };
            let mut today = super::db::today(&pool, &zone).await?;
            if staff.role.at_least(Role::Manager) {
                today.dormant = Some(super::db::dormant(&pool, crate::server_ctx::now()).await?);
            }
            if staff.role.at_least(Role::Owner) {
                today.key_beside_database =
                    leptos::prelude::use_context::<crate::server_ctx::KeyPlace>().and_then(|k| k.0);
            }
            Ok(today)
        }
        .await,
    )
}
