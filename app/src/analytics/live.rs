//! The sums of the days not summed yet (migration 0032), kept as the ingest writes: each
//! batch adds what it changes in the same transaction, so the reports of a busy today read
//! a few rows instead of every view of the day. Every change to a view that a report
//! counts comes through here: a new view, a view that stops ending its visit because the
//! visitor went on, and a "time on page" report (stored here with its sums).
//!
//! Rows written by other means (the seed, repaired marks) are summed again by
//! `admin::analytics::db::rebuild_live`.

use crate::db::{Conn, Dialect};

/// Adds a batch of new views, `rows` as `insert_views` stores them (JSON arrays: site 0,
/// path 4, referrer 5, utm 6–8, screen 9, language 10, visit start 11, visit end 12,
/// visitor's first 13, first of this path for the visitor 14, stored at 15), each to the
/// sums of the day it was stored on.
///
/// Each upsert takes its rows in key order: two servers' batches then lock the rows they
/// share in the same order, and one waits for the other instead of deadlocking (on
/// PostgreSQL; SQLite has one writer at a time).
pub async fn add_views(tx: &mut Conn, rows: &str) -> sqlx::Result<()> {
    let rows_of = Dialect::of(tx).json_rows("$1");
    let day = "substr(value ->> 15, 1, 10)";
    let statements = [
        format!(
            "INSERT INTO analytics_live_days (site_id, day, views, visitors, visits)
             SELECT CAST(value ->> 0 AS BIGINT), {day}, count(*), sum(CAST(value ->> 13 AS BIGINT)),
                    sum(CAST(value ->> 11 AS BIGINT))
             FROM {rows_of} WHERE true GROUP BY 1, 2 ORDER BY 1, 2
             ON CONFLICT (site_id, day) DO UPDATE SET views = analytics_live_days.views + excluded.views,
                 visitors = analytics_live_days.visitors + excluded.visitors,
                 visits = analytics_live_days.visits + excluded.visits"
        ),
        format!(
            "INSERT INTO analytics_live_pages (site_id, day, path, views, visitors, duration_ms, timed, entries, exits)
             SELECT CAST(value ->> 0 AS BIGINT), {day}, value ->> 4, count(*), sum(CAST(value ->> 14 AS BIGINT)), 0, 0,
                    sum(CAST(value ->> 11 AS BIGINT)), sum(CAST(value ->> 12 AS BIGINT))
             FROM {rows_of} WHERE true GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
             ON CONFLICT (site_id, day, path) DO UPDATE SET views = analytics_live_pages.views + excluded.views,
                 visitors = analytics_live_pages.visitors + excluded.visitors,
                 entries = analytics_live_pages.entries + excluded.entries,
                 exits = analytics_live_pages.exits + excluded.exits"
        ),
        // The labels as admin::analytics::db counts them: referrers and campaigns per view,
        // screens and languages per visitor (their first view of the day).
        format!(
            "INSERT INTO analytics_live_counts (site_id, day, kind, label, count)
             SELECT site, day, kind, label, sum(n) FROM (
               SELECT CAST(value ->> 0 AS BIGINT) AS site, {day} AS day, 'referrer' AS kind, value ->> 5 AS label,
                      1 AS n
               FROM {rows_of} WHERE value ->> 5 <> ''
               UNION ALL
               SELECT CAST(value ->> 0 AS BIGINT), {day}, 'campaign',
                      (value ->> 6) || coalesce(' / ' || nullif(value ->> 7, ''), '')
                                    || coalesce(' / ' || nullif(value ->> 8, ''), ''),
                      1
               FROM {rows_of} WHERE value ->> 6 <> ''
               UNION ALL
               SELECT CAST(value ->> 0 AS BIGINT), {day}, 'screen', value ->> 9, CAST(value ->> 13 AS BIGINT)
               FROM {rows_of}
               UNION ALL
               SELECT CAST(value ->> 0 AS BIGINT), {day}, 'language', coalesce(nullif(value ->> 10, ''), 'unknown'),
                      CAST(value ->> 13 AS BIGINT)
               FROM {rows_of}
             ) AS labels WHERE true GROUP BY site, day, kind, label ORDER BY site, day, kind, label
             ON CONFLICT (site_id, day, kind, label) DO UPDATE SET count = analytics_live_counts.count + excluded.count"
        ),
    ];
    crate::db::execute_all(tx, &statements, &[rows]).await
}

/// Stored views (ids as a JSON array) whose visit a new view goes on with no longer end
/// it: their exit is taken back from the live sums, then their mark cleared (so only views
/// still marked count).
pub async fn visits_went_on(tx: &mut Conn, ids: &str) -> sqlx::Result<()> {
    let ids_of = Dialect::of(tx).json_values("$1");
    let statements = [
        format!(
            "UPDATE analytics_live_pages SET exits = exits - e.n
             FROM (SELECT site_id, substr(created_at, 1, 10) AS day, path, count(*) AS n FROM page_views
                   WHERE id IN (SELECT CAST(value AS BIGINT) FROM {ids_of}) AND visit_end = 1 GROUP BY 1, 2, 3) AS e
             WHERE analytics_live_pages.site_id = e.site_id AND analytics_live_pages.day = e.day
               AND analytics_live_pages.path = e.path"
        ),
        format!("UPDATE page_views SET visit_end = 0 WHERE id IN (SELECT CAST(value AS BIGINT) FROM {ids_of})"),
    ];
    crate::db::execute_all(tx, &statements, &[ids]).await
}

/// Stores "time on page" reports (`leaves`: JSON arrays of site, view id, visitor and
/// milliseconds). Only the same visitor may report time for a view and the longest report
/// counts: the live sums first add how much each exceeds the view's time so far (a view's
/// first report makes it timed), then the views take it.
pub async fn times_reported(tx: &mut Conn, leaves: &str) -> sqlx::Result<()> {
    let rows_of = Dialect::of(tx).json_rows("$1");
    let reports = format!(
        "(SELECT CAST(value ->> 0 AS BIGINT) AS site, value ->> 1 AS view_id, value ->> 2 AS visitor,
                 max(CAST(value ->> 3 AS BIGINT)) AS d
          FROM {rows_of} GROUP BY 1, 2, 3) AS j"
    );
    // The longer of a view's time so far and its report.
    let longest = "CASE WHEN coalesce(p.duration_ms, 0) > j.d THEN coalesce(p.duration_ms, 0) ELSE j.d END";
    let statements = [
        format!(
            "INSERT INTO analytics_live_pages (site_id, day, path, views, visitors, duration_ms, timed, entries, exits)
             SELECT p.site_id, substr(p.created_at, 1, 10), p.path, 0, 0,
                    sum({longest} - coalesce(p.duration_ms, 0)), count(*) FILTER (WHERE p.duration_ms IS NULL), 0, 0
             FROM {reports}
             JOIN page_views p ON p.site_id = j.site AND p.view_id = j.view_id AND p.visitor = j.visitor
             WHERE true GROUP BY 1, 2, 3
             ON CONFLICT (site_id, day, path) DO UPDATE SET
                 duration_ms = analytics_live_pages.duration_ms + excluded.duration_ms,
                 timed = analytics_live_pages.timed + excluded.timed"
        ),
        format!(
            "UPDATE page_views AS p SET duration_ms = {longest}
             FROM {reports}
             WHERE p.site_id = j.site AND p.view_id = j.view_id AND p.visitor = j.visitor"
        ),
    ];
    crate::db::execute_all(tx, &statements, &[leaves]).await
}
