//! SQL of analytics ingest: one transaction per batch of events.

use super::event::Event;
use crate::domain::SiteId;
use sqlx::{SqliteConnection, SqlitePool};

/// An event ready to store: its site, the visitor's daily hash, and the customer if the
/// browser is linked to one.
pub struct Stored<'a> {
    pub site: SiteId,
    pub visitor: &'a str,
    pub customer: Option<i64>,
    pub event: &'a Event,
}

/// A visit ends after this long without a page view.
pub const VISIT_GAP_MINUTES: i64 = 30;

/// Marks again, from the times of the views, where each visit of every site began and
/// ended and each visitor's first view (ingest marks them as views arrive; this repairs
/// views written by other means).
pub async fn recompute_visits(pool: &SqlitePool) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE page_views SET visit_start = g.visit_start, visit_end = g.visit_end, visitor_first = g.visitor_first
         FROM (
           SELECT id,
                  coalesce((julianday(created_at) - julianday(lag(created_at) OVER w)) * 1440 > ?1, 1) AS visit_start,
                  coalesce((julianday(lead(created_at) OVER w) - julianday(created_at)) * 1440 > ?1, 1) AS visit_end,
                  row_number() OVER w = 1 AS visitor_first
           FROM page_views
           WINDOW w AS (PARTITION BY site_id, visitor ORDER BY created_at, id)
         ) AS g
         WHERE page_views.id = g.id",
    )
    .bind(VISIT_GAP_MINUTES)
    .execute(pool)
    .await?;
    Ok(())
}

/// Today's salt, made on the first event of the day; past days' salts are deleted then.
pub async fn todays_salt(tx: &mut SqliteConnection, fresh: &str) -> sqlx::Result<String> {
    let day: String = sqlx::query_scalar("SELECT strftime('%Y-%m-%d', 'now')").fetch_one(&mut *tx).await?;
    sqlx::query("INSERT INTO analytics_salts (day, salt) VALUES (?, ?) ON CONFLICT DO NOTHING")
        .bind(&day)
        .bind(fresh)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM analytics_salts WHERE day < ?").bind(&day).execute(&mut *tx).await?;
    sqlx::query_scalar("SELECT salt FROM analytics_salts WHERE day = ?").bind(&day).fetch_one(&mut *tx).await
}

/// The customer behind a browser's visitor token on this site.
pub async fn customer_for_token(
    tx: &mut SqliteConnection,
    site: SiteId,
    token_hash: &str,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT customer_id FROM visitor_links WHERE token_hash = ? AND site_id = ?")
        .bind(token_hash)
        .bind(site)
        .fetch_optional(&mut *tx)
        .await
}

/// Writes one event. A repeated page view (the same view id) is ignored; a leave report
/// keeps the longest time reported for its view.
pub async fn write(tx: &mut SqliteConnection, e: &Stored<'_>) -> sqlx::Result<()> {
    match e.event {
        Event::View(v) => {
            // The visitor's previous view, and whether it is recent enough to be the same visit.
            let previous: Option<(i64, bool)> = sqlx::query_as(
                "SELECT id, created_at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?) FROM page_views
                 WHERE site_id = ? AND visitor = ? ORDER BY created_at DESC, id DESC LIMIT 1",
            )
            .bind(format!("-{VISIT_GAP_MINUTES} minutes"))
            .bind(e.site)
            .bind(e.visitor)
            .fetch_optional(&mut *tx)
            .await?;
            let continues = previous.filter(|(_, recent)| *recent).map(|(id, _)| id);
            let stored = sqlx::query(
                "INSERT INTO page_views (site_id, view_id, visitor, customer_id, path, referrer, utm_source, utm_medium,
                                         utm_campaign, screen, language, visit_start, visitor_first)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            )
            .bind(e.site)
            .bind(&v.view_id)
            .bind(e.visitor)
            .bind(e.customer)
            .bind(&v.path)
            .bind(&v.referrer)
            .bind(&v.utm_source)
            .bind(&v.utm_medium)
            .bind(&v.utm_campaign)
            .bind(v.screen.code())
            .bind(&v.language)
            .bind(continues.is_none())
            .bind(previous.is_none())
            .execute(&mut *tx)
            .await?;
            // A repeated view id stored nothing and continues nothing.
            if let Some(id) = continues.filter(|_| stored.rows_affected() == 1) {
                sqlx::query("UPDATE page_views SET visit_end = 0 WHERE id = ?").bind(id).execute(&mut *tx).await?;
            }
        }
        Event::Leave { view_id, duration_ms } => {
            // Only the same visitor may report time for a view.
            sqlx::query(
                "UPDATE page_views SET duration_ms = max(coalesce(duration_ms, 0), ?)
                 WHERE site_id = ? AND view_id = ? AND visitor = ?",
            )
            .bind(i64::try_from(*duration_ms).unwrap_or(i64::MAX))
            .bind(e.site)
            .bind(view_id)
            .bind(e.visitor)
            .execute(&mut *tx)
            .await?;
        }
        Event::Custom { view_id, name, props, path } => {
            sqlx::query(
                "INSERT INTO analytics_events (site_id, view_id, visitor, customer_id, name, props, path)
                 VALUES (?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(e.site)
            .bind(view_id)
            .bind(e.visitor)
            .bind(e.customer)
            .bind(name)
            .bind(props)
            .bind(path)
            .execute(&mut *tx)
            .await?;
        }
    }
    Ok(())
}
