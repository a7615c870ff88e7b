//! SQL of the analytics overview. Visits (sessions) are derived when reading: a view
//! begins a visit when the same visitor had no view in the 30 minutes before it.

use super::api::{Count, Day, Overview, PageRow, VISIT_GAP_MINUTES};
use crate::domain::SiteId;
use sqlx::{Row, SqlitePool};

/// Views of the last `days` days (today included) with each view's gap to the visitor's
/// previous and next view, in seconds (NULL at the ends). ?1 site, ?2 days.
macro_rules! views_with_gaps {
    () => {
        "WITH v AS (
           SELECT path, visitor, duration_ms, created_at,
                  (julianday(created_at) - julianday(lag(created_at) OVER w)) * 86400 AS since_prev,
                  (julianday(lead(created_at) OVER w) - julianday(created_at)) * 86400 AS until_next
           FROM page_views
           WHERE site_id = ?1 AND created_at >= strftime('%Y-%m-%dT00:00:00.000Z', 'now', '-' || (?2 - 1) || ' days')
           WINDOW w AS (PARTITION BY visitor ORDER BY created_at, id)
         ) "
    };
}

pub async fn overview(pool: &SqlitePool, site: SiteId, days: u32) -> sqlx::Result<Overview> {
    let gap = VISIT_GAP_MINUTES * 60;
    let days = i64::from(days);
    let totals = sqlx::query(concat!(
        views_with_gaps!(),
        "SELECT count(*) AS views,
                count(DISTINCT substr(created_at, 1, 10) || visitor) AS visitors,
                coalesce(sum(since_prev IS NULL OR since_prev > ?3), 0) AS visits
         FROM v"
    ))
    .bind(site)
    .bind(days)
    .bind(gap)
    .fetch_one(pool)
    .await?;
    let daily_rows: Vec<(String, i64, i64)> = sqlx::query_as(concat!(
        views_with_gaps!(),
        "SELECT substr(created_at, 1, 10) AS day, count(*), count(DISTINCT visitor) FROM v GROUP BY day ORDER BY day"
    ))
    .bind(site)
    .bind(days)
    .fetch_all(pool)
    .await?;
    // Every day of the range, days without views as zero, so the chart's bars line up.
    let all_days: Vec<String> = sqlx::query_scalar(
        "WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n + 1 < ?)
         SELECT strftime('%Y-%m-%d', 'now', '-' || n || ' days') FROM d ORDER BY 1",
    )
    .bind(days)
    .fetch_all(pool)
    .await?;
    let daily = all_days
        .into_iter()
        .map(|day| {
            let found = daily_rows.iter().find(|(d, _, _)| *d == day);
            Day { views: found.map_or(0, |r| r.1), visitors: found.map_or(0, |r| r.2), day }
        })
        .collect();
    let pages = sqlx::query(concat!(
        views_with_gaps!(),
        "SELECT path, count(*) AS views, count(DISTINCT substr(created_at, 1, 10) || visitor) AS visitors,
                CAST(round(avg(duration_ms) / 1000.0) AS INTEGER) AS avg_seconds,
                sum(since_prev IS NULL OR since_prev > ?3) AS entries,
                sum(until_next IS NULL OR until_next > ?3) AS exits
         FROM v GROUP BY path ORDER BY views DESC, path LIMIT 20"
    ))
    .bind(site)
    .bind(days)
    .bind(gap)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| {
        let views: i64 = r.get("views");
        let exits: i64 = r.get("exits");
        PageRow {
            path: r.get("path"),
            views,
            visitors: r.get("visitors"),
            avg_seconds: r.get("avg_seconds"),
            entries: r.get("entries"),
            exits,
            exit_rate: if views == 0 { 0 } else { (exits * 100 + views / 2) / views },
        }
    })
    .collect();
    let counts = |sql: &'static str| async move {
        let rows: Vec<(String, i64)> = sqlx::query_as(sql).bind(site).bind(days).fetch_all(pool).await?;
        Ok::<_, sqlx::Error>(rows.into_iter().map(|(label, count)| Count { label, count }).collect::<Vec<_>>())
    };
    let referrers = counts(
        "SELECT referrer, count(*) FROM page_views
         WHERE site_id = ?1 AND referrer <> ''
           AND created_at >= strftime('%Y-%m-%dT00:00:00.000Z', 'now', '-' || (?2 - 1) || ' days')
         GROUP BY referrer ORDER BY 2 DESC, 1 LIMIT 10",
    )
    .await?;
    let campaigns = counts(
        "SELECT utm_source || coalesce(' / ' || nullif(utm_medium, ''), '') || coalesce(' / ' || nullif(utm_campaign, ''), ''),
                count(*)
         FROM page_views
         WHERE site_id = ?1 AND utm_source <> ''
           AND created_at >= strftime('%Y-%m-%dT00:00:00.000Z', 'now', '-' || (?2 - 1) || ' days')
         GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10",
    )
    .await?;
    Ok(Overview {
        site: String::new(),
        days: days as u32,
        views: totals.get("views"),
        visitors: totals.get("visitors"),
        visits: totals.get("visits"),
        daily,
        pages,
        referrers,
        campaigns,
    })
}
