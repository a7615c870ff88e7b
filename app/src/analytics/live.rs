//! The sums of the days not summed yet (migration 0032), kept as the ingest writes: each
//! batch adds what it changes in the same transaction, so the reports of a busy today read
//! a few rows instead of every view of the day. Every change to a view that a report
//! counts comes through here: a new view, a view that stops ending its visit because the
//! visitor went on, and a "time on page" report (stored here with its sums).
//!
//! Rows written by other means (the seed, repaired marks) are summed again by
//! `admin::analytics::db::rebuild_live`.

use crate::db::Conn;

/// Adds a batch of new views, `rows` as `insert_views` stores them (JSON arrays: site 0,
/// path 4, referrer 5, utm 6–8, screen 9, language 10, visit start 11, visit end 12,
/// visitor's first 13, first of this path for the visitor 14), all stored on `day`.
pub async fn add_views(tx: &mut Conn, rows: &str, day: &str) -> sqlx::Result<()> {
    // Three statements sent as one (each binds $1 and $2): a round trip to SQLite's thread
    // per statement was what the ingest spent most on.
    sqlx::query(
        "INSERT INTO analytics_live_days (site_id, day, views, visitors, visits)
         SELECT value ->> 0, $2, count(*), sum(value ->> 13), sum(value ->> 11) FROM jsonb_each($1)
         WHERE true GROUP BY 1
         ON CONFLICT DO UPDATE SET views = views + excluded.views, visitors = visitors + excluded.visitors,
                                   visits = visits + excluded.visits;
         INSERT INTO analytics_live_pages (site_id, day, path, views, visitors, duration_ms, timed, entries, exits)
         SELECT value ->> 0, $2, value ->> 4, count(*), sum(value ->> 14), 0, 0, sum(value ->> 11), sum(value ->> 12)
         FROM jsonb_each($1) WHERE true GROUP BY 1, 3
         ON CONFLICT DO UPDATE SET views = views + excluded.views, visitors = visitors + excluded.visitors,
                                   entries = entries + excluded.entries, exits = exits + excluded.exits;
         -- The labels as admin::analytics::db counts them: referrers and campaigns per view,
         -- screens and languages per visitor (their first view of the day).
         INSERT INTO analytics_live_counts (site_id, day, kind, label, count)
         SELECT site, $2, kind, label, sum(n) FROM (
           SELECT value ->> 0 AS site, 'referrer' AS kind, value ->> 5 AS label, 1 AS n FROM jsonb_each($1)
           WHERE value ->> 5 <> ''
           UNION ALL
           SELECT value ->> 0, 'campaign',
                  (value ->> 6) || coalesce(' / ' || nullif(value ->> 7, ''), '') || coalesce(' / ' || nullif(value ->> 8, ''), ''),
                  1
           FROM jsonb_each($1) WHERE value ->> 6 <> ''
           UNION ALL
           SELECT value ->> 0, 'screen', value ->> 9, value ->> 13 FROM jsonb_each($1)
           UNION ALL
           SELECT value ->> 0, 'language', coalesce(nullif(value ->> 10, ''), 'unknown'), value ->> 13 FROM jsonb_each($1)
         ) WHERE true GROUP BY site, kind, label
         ON CONFLICT DO UPDATE SET count = count + excluded.count",
    )
    .bind(rows)
    .bind(day)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Stored views (ids as a JSON array) whose visit a new view goes on with no longer end
/// it: their exit is taken back from the live sums, then their mark cleared (so only views
/// still marked count). One round trip for both statements.
pub async fn visits_went_on(tx: &mut Conn, ids: &str) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE analytics_live_pages SET exits = exits - e.n
         FROM (SELECT site_id, substr(created_at, 1, 10) AS day, path, count(*) AS n FROM page_views
               WHERE id IN (SELECT value FROM jsonb_each($1)) AND visit_end = 1 GROUP BY 1, 2, 3) AS e
         WHERE analytics_live_pages.site_id = e.site_id AND analytics_live_pages.day = e.day
           AND analytics_live_pages.path = e.path;
         UPDATE page_views SET visit_end = 0 WHERE id IN (SELECT value FROM jsonb_each($1))",
    )
    .bind(ids)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Stores "time on page" reports (`leaves`: JSON arrays of site, view id, visitor and
/// milliseconds). Only the same visitor may report time for a view and the longest report
/// counts: the live sums first add how much each exceeds the view's time so far (a view's
/// first report makes it timed), then the views take it. One round trip for both statements.
pub async fn times_reported(tx: &mut Conn, leaves: &str) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO analytics_live_pages (site_id, day, path, views, visitors, duration_ms, timed, entries, exits)
         SELECT p.site_id, substr(p.created_at, 1, 10), p.path, 0, 0,
                sum(max(coalesce(p.duration_ms, 0), j.d) - coalesce(p.duration_ms, 0)), sum(p.duration_ms IS NULL), 0, 0
         FROM (SELECT value ->> 0 AS site, value ->> 1 AS view_id, value ->> 2 AS visitor, max(value ->> 3) AS d
               FROM jsonb_each($1) GROUP BY 1, 2, 3) AS j
         JOIN page_views p ON p.site_id = j.site AND p.view_id = j.view_id AND p.visitor = j.visitor
         WHERE true GROUP BY 1, 2, 3
         ON CONFLICT DO UPDATE SET duration_ms = duration_ms + excluded.duration_ms, timed = timed + excluded.timed;
         UPDATE page_views SET duration_ms = max(coalesce(duration_ms, 0), j.d)
         FROM (SELECT value ->> 0 AS site, value ->> 1 AS view_id, value ->> 2 AS visitor, max(value ->> 3) AS d
               FROM jsonb_each($1) GROUP BY 1, 2, 3) AS j
         WHERE page_views.site_id = j.site AND page_views.view_id = j.view_id AND page_views.visitor = j.visitor",
    )
    .bind(leaves)
    .execute(&mut *tx)
    .await?;
    Ok(())
}
