//! SQL of the dashboard. Each figure is one indexed count over today's rows.

use super::api::Today;
use crate::domain::{Minor, SiteId};
use sqlx::SqlitePool;

/// The start of today (UTC) in the stored time format.
macro_rules! today {
    () => {
        "strftime('%Y-%m-%dT00:00:00.000Z', 'now')"
    };
}

/// Customers of every site past the site's dormant rule: each site's dormant segment,
/// counted the way the dormant page counts it.
pub async fn dormant(pool: &SqlitePool, now: i64) -> sqlx::Result<i64> {
    use crate::{admin::segments::db::count, segment_rules::DormantRule};
    let sites: Vec<(i64, i64)> = sqlx::query_as("SELECT id, dormant_days FROM sites").fetch_all(pool).await?;
    let mut total = 0;
    for (site, days) in sites {
        // The site's rule is checked to 1..=3650 days, which always parses.
        if let Ok(filter) = DormantRule::filter(days as u32).parse() {
            total += count(pool, SiteId(site), &filter, now).await?;
        }
    }
    Ok(total)
}

pub async fn today(pool: &SqlitePool) -> sqlx::Result<Today> {
    let count = |sql: &'static str| async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await };
    let new_customers = count(concat!("SELECT count(*) FROM customers WHERE created_at >= ", today!())).await?;
    let purchases =
        count(concat!("SELECT count(*) FROM purchases WHERE voided_at IS NULL AND created_at >= ", today!())).await?;
    let interactions = count(concat!("SELECT count(*) FROM interactions WHERE created_at >= ", today!())).await?;
    let open_reservations = count("SELECT count(*) FROM reservations WHERE status = 'open'").await?;
    let takings: Vec<(String, i64)> = sqlx::query_as(concat!(
        "SELECT currency, sum(total_minor - refunded_minor) FROM purchases WHERE voided_at IS NULL AND created_at >= ",
        today!(),
        " GROUP BY currency ORDER BY currency"
    ))
    .fetch_all(pool)
    .await?;
    Ok(Today {
        new_customers,
        purchases,
        takings: takings.into_iter().map(|(c, t)| (c, Minor(t))).collect(),
        open_reservations,
        interactions,
        dormant: None,
        key_beside_database: None,
    })
}
