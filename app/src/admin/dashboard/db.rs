//! SQL of the dashboard. Each figure is one indexed count over today's rows.

use super::api::Today;
use crate::domain::Minor;
use sqlx::SqlitePool;

/// The start of today (UTC) in the stored time format.
macro_rules! today {
    () => {
        "strftime('%Y-%m-%dT00:00:00.000Z', 'now')"
    };
}

/// Customers of every site whose last purchase is older than the site's dormant rule.
/// One index probe per customer: fine for a shop, about a second at a million customers.
pub async fn dormant(pool: &SqlitePool) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT count(*) FROM customers c JOIN sites s ON s.id = c.site_id
         WHERE (SELECT max(created_at) FROM purchases WHERE customer_id = c.id)
               < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || s.dormant_days || ' days')",
    )
    .fetch_one(pool)
    .await
}

pub async fn today(pool: &SqlitePool) -> sqlx::Result<Today> {
    let count = |sql: &'static str| async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await };
    let new_customers = count(concat!("SELECT count(*) FROM customers WHERE created_at >= ", today!())).await?;
    let purchases = count(concat!("SELECT count(*) FROM purchases WHERE created_at >= ", today!())).await?;
    let interactions = count(concat!("SELECT count(*) FROM interactions WHERE created_at >= ", today!())).await?;
    let open_reservations = count("SELECT count(*) FROM reservations WHERE status = 'open'").await?;
    let takings: Vec<(String, i64)> = sqlx::query_as(concat!(
        "SELECT currency, sum(total_minor) FROM purchases WHERE created_at >= ",
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
    })
}
