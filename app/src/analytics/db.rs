//! SQL of analytics ingest: a batch of events from the inbox (`inbox`) stored in one
//! transaction.

use super::event::{Event, PageView};
use crate::db::{Conn, Db, Dialect};
use crate::domain::SiteId;
use serde_json::{Value, json};
use sqlx::AssertSqlSafe;
use std::collections::{HashMap, HashSet};

/// An event ready to store: its site, the visitor's daily hash, and the customer if the
/// browser is linked to one.
pub struct Stored<'a> {
    pub site: SiteId,
    pub visitor: &'a str,
    pub customer: Option<i64>,
    pub event: &'a Event,
    /// When it arrived (`db::now`'s form): a view is stored as seen then.
    pub at: &'a str,
}

/// A visit ends after this long without a page view.
pub const VISIT_GAP_MINUTES: i64 = 30;

/// Marks again, from the times of the views, where each visit of every site began and
/// ended and each visitor's first view (ingest marks them as views arrive; this repairs
/// views written by other means), and sums the days not summed yet again.
pub async fn recompute_visits(pool: &Db) -> sqlx::Result<()> {
    let (previous, next) = ("lag(created_at) OVER w", "lead(created_at) OVER w");
    let gap_before = pool.dialect().minutes_between(previous, "created_at");
    let gap_after = pool.dialect().minutes_between("created_at", next);
    // The flags are integers on both backends: CASE, not a comparison's boolean.
    sqlx::query(AssertSqlSafe(format!(
        "UPDATE page_views SET visit_start = g.visit_start, visit_end = g.visit_end, visitor_first = g.visitor_first
         FROM (
           SELECT id,
                  CASE WHEN {previous} IS NULL OR {gap_before} > $1 THEN 1 ELSE 0 END AS visit_start,
                  CASE WHEN {next} IS NULL OR {gap_after} > $1 THEN 1 ELSE 0 END AS visit_end,
                  CASE WHEN row_number() OVER w = 1 THEN 1 ELSE 0 END AS visitor_first
           FROM page_views
           WINDOW w AS (PARTITION BY site_id, visitor ORDER BY created_at, id)
         ) AS g
         WHERE page_views.id = g.id"
    )))
    .bind(VISIT_GAP_MINUTES)
    .execute(pool)
    .await?;
    crate::admin::analytics::db::rebuild_live(pool).await
}

/// Today's salt, made on the first event of the day; past days' salts are deleted then.
pub async fn todays_salt(tx: &mut Conn, fresh: &str) -> sqlx::Result<String> {
    let day = crate::db::now()[..10].to_owned();
    sqlx::query("INSERT INTO analytics_salts (day, salt) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(&day)
        .bind(fresh)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM analytics_salts WHERE day < $1").bind(&day).execute(&mut *tx).await?;
    sqlx::query_scalar("SELECT salt FROM analytics_salts WHERE day = $1").bind(&day).fetch_one(&mut *tx).await
}

/// The customer behind a browser's visitor token on this site.
pub async fn customer_for_token(tx: &mut Conn, site: SiteId, token_hash: &str) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT customer_id FROM visitor_links WHERE token_hash = $1 AND site_id = $2")
        .bind(token_hash)
        .bind(site)
        .fetch_optional(&mut *tx)
        .await
}

/// Writes a batch of events in a few statements, whatever its size: the rows travel as
/// one JSON array per kind, unpacked by the database (`Dialect::json_rows`: a statement per
/// event was the ingest's bottleneck). Views first, so a leave report in the same batch
/// finds its view.
pub async fn write_batch(tx: &mut Conn, events: &[Stored<'_>]) -> sqlx::Result<()> {
    let views: Vec<(&Stored, &PageView)> = events
        .iter()
        .filter_map(|e| match e.event {
            Event::View(v) => Some((e, v)),
            _ => None,
        })
        .collect();
    if !views.is_empty() {
        insert_views(tx, &views).await?;
    }
    let mut leaves = Vec::new();
    let mut customs = Vec::new();
    for e in events {
        match e.event {
            Event::View(_) => {}
            Event::Leave { view_id, duration_ms } => {
                leaves.push(json!([e.site.0, view_id, e.visitor, i64::try_from(*duration_ms).unwrap_or(i64::MAX)]));
            }
            Event::Custom { view_id, name, props, path } => {
                customs.push(json!([e.site.0, view_id, e.visitor, e.customer, name, props, path]));
            }
        }
    }
    if !leaves.is_empty() {
        super::live::times_reported(tx, &Value::Array(leaves).to_string()).await?;
    }
    if !customs.is_empty() {
        let unpacked = Dialect::of(tx).json_rows("$1");
        sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO analytics_events (site_id, view_id, visitor, customer_id, name, props, path)
             SELECT CAST(value ->> 0 AS BIGINT), value ->> 1, value ->> 2, CAST(value ->> 3 AS BIGINT), value ->> 4,
                    value ->> 5, value ->> 6
             FROM {unpacked}",
        )))
        .bind(Value::Array(customs).to_string())
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// Stores page views with their visit marks, each at the time it arrived: a view continues
/// the visitor's view before it (stored, or earlier in the batch) if that is at most 30
/// minutes older. A repeated view id is ignored.
async fn insert_views(tx: &mut Conn, views: &[(&Stored<'_>, &PageView)]) -> sqlx::Result<()> {
    // A repeated view id (a retry) is dropped first, so the marks below count only views
    // that are stored.
    let ids: Vec<Value> = views.iter().map(|(e, v)| json!([e.site.0, v.view_id])).collect();
    let dialect = Dialect::of(tx);
    let unpacked = dialect.json_rows("$1");
    let known: Vec<(i64, String)> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT CAST(value ->> 0 AS BIGINT), value ->> 1 FROM {unpacked}
         WHERE EXISTS (SELECT 1 FROM page_views WHERE site_id = CAST(value ->> 0 AS BIGINT) AND view_id = value ->> 1)",
    )))
    .bind(Value::Array(ids).to_string())
    .fetch_all(&mut *tx)
    .await?;
    let mut seen: HashSet<(i64, &str)> = known.iter().map(|(site, id)| (*site, id.as_str())).collect();
    let views: Vec<_> = views.iter().filter(|(e, v)| seen.insert((e.site.0, v.view_id.as_str()))).collect();
    if views.is_empty() {
        return Ok(());
    }
    // Which visitors saw the page earlier (today: their key is new each day): the live
    // sums count a page's visitors by the first view of each. Read from the few views of
    // each visitor of the batch, one lookup each: written as EXISTS, SQLite 3.51 made it a
    // join that read every page view of the site (measured: 12 s a batch at 10M views).
    let paths: Vec<Value> = views.iter().map(|(e, v)| json!([e.site.0, e.visitor, v.path])).collect();
    let by_visitor = dialect.indexed_by("page_views_by_visitor");
    let seen_paths: Vec<(i64, String, String)> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT DISTINCT CAST(value ->> 0 AS BIGINT), value ->> 1, value ->> 2 FROM {unpacked}
         WHERE (SELECT 1 FROM page_views{by_visitor}
                WHERE site_id = CAST(value ->> 0 AS BIGINT) AND visitor = value ->> 1 AND path = value ->> 2 LIMIT 1)
               IS NOT NULL",
    )))
    .bind(Value::Array(paths).to_string())
    .fetch_all(&mut *tx)
    .await?;
    let mut seen_paths: HashSet<(i64, &str, &str)> =
        seen_paths.iter().map(|(site, visitor, path)| (*site, visitor.as_str(), path.as_str())).collect();
    let keys: Vec<Value> = views.iter().map(|(e, _)| json!([e.site.0, e.visitor])).collect();
    // Each visitor's latest stored view: its id and time.
    let latest: Vec<(i64, String, i64, String)> = sqlx::query_as(AssertSqlSafe(format!(
        "SELECT j.site, j.visitor, p.id, p.created_at
         FROM (SELECT DISTINCT CAST(value ->> 0 AS BIGINT) AS site, value ->> 1 AS visitor FROM {unpacked}) AS j
         JOIN page_views p ON p.id = (SELECT id FROM page_views WHERE site_id = j.site AND visitor = j.visitor
                                      ORDER BY created_at DESC, id DESC LIMIT 1)",
    )))
    .bind(Value::Array(keys).to_string())
    .fetch_all(&mut *tx)
    .await?;
    let mut previous: HashMap<(i64, &str), Previous> = latest
        .iter()
        .map(|(site, visitor, id, at)| {
            ((*site, visitor.as_str()), Previous { view: Before::Stored(*id), at: millis(at) })
        })
        .collect();
    let mut rows: Vec<Value> = Vec::with_capacity(views.len());
    let mut ended_stored = Vec::new();
    for (i, (e, v)) in views.iter().enumerate() {
        let at = millis(e.at);
        // A view goes on with the visitor's view before it if that is at most the gap older.
        let (start, first) = match previous.get(&(e.site.0, e.visitor)) {
            None => (true, true),
            Some(before) if at - before.at > VISIT_GAP_MINUTES * 60_000 => (true, false),
            Some(Previous { view: Before::Stored(id), .. }) => {
                ended_stored.push(*id);
                (false, false)
            }
            Some(Previous { view: Before::InBatch(k), .. }) => {
                rows[*k][12] = json!(0);
                (false, false)
            }
        };
        previous.insert((e.site.0, e.visitor), Previous { view: Before::InBatch(i), at });
        rows.push(json!([
            e.site.0,
            v.view_id,
            e.visitor,
            e.customer,
            v.path,
            v.referrer,
            v.utm_source,
            v.utm_medium,
            v.utm_campaign,
            v.screen.code(),
            v.language,
            i64::from(start),
            1,
            i64::from(first),
            i64::from(seen_paths.insert((e.site.0, e.visitor, v.path.as_str()))),
            e.at
        ]));
    }
    let rows = Value::Array(rows).to_string();
    sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO page_views (site_id, view_id, visitor, customer_id, path, referrer, utm_source, utm_medium,
                                 utm_campaign, screen, language, visit_start, visit_end, visitor_first, created_at)
         SELECT CAST(value ->> 0 AS BIGINT), value ->> 1, value ->> 2, CAST(value ->> 3 AS BIGINT), value ->> 4,
                value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10,
                CAST(value ->> 11 AS BIGINT), CAST(value ->> 12 AS BIGINT), CAST(value ->> 13 AS BIGINT), value ->> 15
         FROM {unpacked}",
    )))
    .bind(&rows)
    .execute(&mut *tx)
    .await?;
    super::live::add_views(tx, &rows).await?;
    if !ended_stored.is_empty() {
        super::live::visits_went_on(tx, &json!(ended_stored).to_string()).await?;
    }
    Ok(())
}

/// The view before a view of the same visitor, and its time in Unix milliseconds.
struct Previous {
    view: Before,
    at: i64,
}

enum Before {
    /// The visitor's latest stored view, by id.
    Stored(i64),
    /// A view earlier in the same batch, by index.
    InBatch(usize),
}

/// A stored time (`db::now`'s form) in Unix milliseconds; one that does not parse counts as
/// long ago (a new visit).
fn millis(at: &str) -> i64 {
    at.parse::<jiff::Timestamp>().map_or(0, |t| t.as_millisecond())
}
