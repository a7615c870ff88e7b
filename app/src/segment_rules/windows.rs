//! SQL of the purchase windows (migration 0015): per customer, the spend and number of
//! purchases in the last 7, 30, 90 and 365 days and ever, and the last purchase. Triggers
//! keep them exact for the day in `purchase_windows_day`; [`bring_up_to`] moves that day
//! to today before a segment is read, subtracting the purchases that fell out of each
//! window since. The state lives in the database, so several servers share it.

use crate::db::Backend;
use crate::domain::{SiteId, iso_date_before};
// AssertSqlSafe: the only text formatted into these statements is column names from KEPT.
use crate::db::Db;
use sqlx::{AssertSqlSafe, Transaction};

/// The windows kept, in days. Any other window groups the purchases when asked.
pub const KEPT: [u32; 4] = [7, 30, 90, 365];

/// The column suffix of a window (`None`: ever), if it is kept.
pub fn suffix(days: Option<u32>) -> Option<String> {
    match days {
        None => Some("ever".into()),
        Some(d) if KEPT.contains(&d) => Some(d.to_string()),
        Some(_) => None,
    }
}

/// Makes the site's windows count for the UTC day of `now`: nothing to do most of the
/// time (one read), one short pass over the purchases that left a window on the first use
/// of a day, and a full build on the first use ever or after a year without use.
pub async fn bring_up_to(pool: &Db, site: SiteId, now: i64) -> sqlx::Result<()> {
    let today = iso_date_before(now, 0);
    let day: Option<String> = sqlx::query_scalar("SELECT day FROM purchase_windows_day WHERE site_id = $1")
        .bind(site)
        .fetch_optional(pool)
        .await?;
    if day.as_deref() == Some(today.as_str()) {
        return Ok(());
    }
    let mut tx = pool.begin().await?;
    // A write first takes SQLite's write lock before the day is read again: two servers
    // rolling the same day must not both subtract the same purchases.
    sqlx::query("UPDATE purchase_windows_day SET day = day WHERE site_id = $1").bind(site).execute(&mut *tx).await?;
    let day: Option<String> = sqlx::query_scalar("SELECT day FROM purchase_windows_day WHERE site_id = $1")
        .bind(site)
        .fetch_optional(&mut *tx)
        .await?;
    match day {
        Some(day) if day == today => {}
        Some(day) if day < today && day >= iso_date_before(now, 365) => roll(&mut tx, site, &day, &today).await?,
        // Never built, a year or more behind, or ahead of the clock (it went back).
        _ => build(&mut tx, site, now).await?,
    }
    tx.commit().await
}

/// Moves the windows from `from` to `to` (both dates, `from` < `to`, under a year apart).
async fn roll(tx: &mut Transaction<'_, Backend>, site: SiteId, from: &str, to: &str) -> sqlx::Result<()> {
    for days in KEPT {
        // Purchases on or after the old start and before the new start just left.
        let back = i64::from(days) - 1;
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE purchase_windows SET spent_{days} = spent_{days} - gone.spent, bought_{days} = bought_{days} - gone.bought
             FROM (SELECT customer_id, sum(total_minor - refunded_minor) AS spent, count(*) AS bought FROM purchases
                   WHERE site_id = $1 AND voided_at IS NULL AND created_at >= $2 AND created_at < $3
                   GROUP BY customer_id) AS gone
             WHERE purchase_windows.customer_id = gone.customer_id"
        )))
        .bind(site)
        .bind(date_before(from, back)?)
        .bind(date_before(to, back)?)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query("UPDATE purchase_windows_day SET day = $1 WHERE site_id = $2")
        .bind(to)
        .bind(site)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The date `days` days before `date` (both `YYYY-MM-DD`).
fn date_before(date: &str, days: i64) -> sqlx::Result<String> {
    let decode = |e: jiff::Error| sqlx::Error::Decode(Box::new(e));
    let date: jiff::civil::Date = date.parse().map_err(decode)?;
    Ok(date.checked_sub(jiff::Span::new().days(days)).map_err(decode)?.to_string())
}

/// Builds the site's windows from all its purchases, for the day of `now`.
pub async fn build(tx: &mut Transaction<'_, Backend>, site: SiteId, now: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM purchase_windows WHERE site_id = $1").bind(site).execute(&mut **tx).await?;
    let columns: Vec<String> = KEPT.iter().map(|d| format!("spent_{d}, bought_{d}")).collect();
    let sums: Vec<String> = KEPT
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let p = i + 2;
            format!(
                "CAST(coalesce(sum(total_minor - refunded_minor) FILTER (WHERE created_at >= ${p}), 0) AS BIGINT),
                 count(*) FILTER (WHERE created_at >= ${p})"
            )
        })
        .collect();
    let mut query = sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO purchase_windows (customer_id, site_id, {}, spent_ever, bought_ever, last_at, gender)
         SELECT customer_id, site_id, {}, sum(total_minor - refunded_minor), count(*), max(created_at),
                (SELECT gender FROM customers WHERE id = customer_id)
         FROM purchases WHERE site_id = $1 AND voided_at IS NULL GROUP BY customer_id, site_id",
        columns.join(", "),
        sums.join(", ")
    )))
    .bind(site);
    for days in KEPT {
        query = query.bind(iso_date_before(now, i64::from(days) - 1));
    }
    query.execute(&mut **tx).await?;
    sqlx::query(
        "INSERT INTO purchase_windows_day (site_id, day) VALUES ($1, $2)
         ON CONFLICT (site_id) DO UPDATE SET day = excluded.day",
    )
    .bind(site)
    .bind(iso_date_before(now, 0))
    .execute(&mut **tx)
    .await?;
    Ok(())
}
