//! SQL of the dashboard. Each figure is one indexed count over today's rows.

use super::api::{Sale, Today};
use crate::domain::{Minor, SiteId};
use sqlx::{Row, SqlitePool};

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

/// Today's sales not voided, newest first.
async fn sales(pool: &SqlitePool) -> sqlx::Result<Vec<Sale>> {
    let rows = sqlx::query(concat!(
        "SELECT p.id, p.customer_id, p.created_at, p.total_minor - p.refunded_minor AS net, p.currency,
                p.payment_method,
                coalesce(trim(pii_open(c.first_name) || ' ' || pii_open(c.last_name)), '') AS customer
         FROM purchases p LEFT JOIN customers c ON c.id = p.customer_id
         WHERE p.voided_at IS NULL AND p.created_at >= ",
        today!(),
        " ORDER BY p.created_at DESC, p.id DESC LIMIT ?"
    ))
    .bind(super::api::SALES_SHOWN)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Sale {
                id: r.try_get("id")?,
                customer_id: r.try_get("customer_id")?,
                customer: r.try_get("customer")?,
                at: r.try_get("created_at")?,
                net: Minor(r.try_get("net")?),
                currency: r.try_get("currency")?,
                payment_method: r.try_get("payment_method")?,
            })
        })
        .collect()
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
        day: crate::domain::PastDate::today().as_str().to_owned(),
        new_customers,
        purchases,
        takings,
        money: crate::sites::money_style::of_sites(pool).await?,
        sales: sales(pool).await?,
        open_reservations,
        interactions,
        dormant: None,
        key_beside_database: None,
    })
}
