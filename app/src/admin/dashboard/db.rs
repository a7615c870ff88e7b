//! SQL of the dashboard. Each figure is one indexed count over today's rows.

use super::api::{Sale, Today};
use crate::db::Db;
use crate::domain::{Minor, SiteId};
use sqlx::Row;

/// Customers of every site past the site's dormant rule: each site's dormant segment,
/// counted the way the dormant page counts it.
pub async fn dormant(pool: &Db, now: i64) -> sqlx::Result<i64> {
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

/// Today's sales not voided, newest first (today began at `start`).
async fn sales(pool: &Db, start: &str) -> sqlx::Result<Vec<Sale>> {
    let rows = sqlx::query(
        "SELECT p.id, p.customer_id, p.created_at, p.total_minor - p.refunded_minor AS net, p.currency,
                p.payment_method,
                c.first_name, c.last_name
         FROM purchases p LEFT JOIN customers c ON c.id = p.customer_id
         WHERE p.voided_at IS NULL AND p.created_at >= $1
         ORDER BY p.created_at DESC, p.id DESC LIMIT $2",
    )
    .bind(start)
    .bind(super::api::SALES_SHOWN)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Sale {
                id: r.try_get("id")?,
                customer_id: r.try_get("customer_id")?,
                customer: pool.pii().full_name(r.try_get("first_name")?, r.try_get("last_name")?)?,
                at: r.try_get("created_at")?,
                net: Minor(r.try_get("net")?),
                currency: r.try_get("currency")?,
                payment_method: r.try_get("payment_method")?,
            })
        })
        .collect()
}

/// Today's figures, today being the day on `zone`'s clock (the site the staff member works
/// on: a sale at 00:30 in Helsinki is today's there, though still yesterday in UTC).
pub async fn today(pool: &Db, zone: &jiff::tz::TimeZone) -> sqlx::Result<Today> {
    use crate::sites::clock;
    let start = clock::start_of_today(zone);
    let count = |sql: &'static str| {
        let start = start.clone();
        async move { sqlx::query_scalar::<_, i64>(sql).bind(start).fetch_one(pool).await }
    };
    let new_customers = count("SELECT count(*) FROM customers WHERE created_at >= $1").await?;
    let purchases = count("SELECT count(*) FROM purchases WHERE voided_at IS NULL AND created_at >= $1").await?;
    let interactions = count("SELECT count(*) FROM interactions WHERE created_at >= $1").await?;
    let open_reservations =
        sqlx::query_scalar("SELECT count(*) FROM reservations WHERE status = 'open'").fetch_one(pool).await?;
    let takings: Vec<(String, i64)> = sqlx::query_as(
        "SELECT currency, CAST(sum(total_minor - refunded_minor) AS BIGINT) FROM purchases WHERE voided_at IS NULL AND created_at >= $1
         GROUP BY currency ORDER BY currency",
    )
    .bind(&start)
    .fetch_all(pool)
    .await?;
    let takings = if takings.is_empty() {
        // Nothing sold yet: zero in the currencies the sites sell in, not a bare "0.00".
        sqlx::query_scalar("SELECT DISTINCT currency FROM sites ORDER BY currency")
            .fetch_all(pool)
            .await?
            .into_iter()
            .map(|c: String| (c, Minor(0)))
            .collect()
    } else {
        takings.into_iter().map(|(c, t)| (c, Minor(t))).collect()
    };
    Ok(Today {
        day: clock::today(zone),
        new_customers,
        purchases,
        takings,
        money: crate::sites::money_style::of_sites(pool).await?,
        sales: sales(pool, &start).await?,
        open_reservations,
        interactions,
        dormant: None,
        key_beside_database: None,
    })
}
