//! SQL of the analytics reports. Visits are marked on each view as it is stored (see
//! migration 0010): `visit_start`, `visit_end`, and `visitor_first` for the first view of a
//! visitor's key, which changes daily, so that summing it counts each day's visitors.

use super::api::{Count, Day, Goal, Overview, PATH_BRANCHES, PATH_STEPS, PageRow, PathNode, PathTree};
use crate::analytics::db::VISIT_GAP_MINUTES;
use crate::domain::{DateRange, SiteId};
use sqlx::{Row, SqlitePool};

/// `created_at` within the period: ?2 the first day, ?3 the last (`YYYY-MM-DD`, both
/// included; ISO timestamps compare as text).
macro_rules! in_period {
    () => {
        "site_id = ?1 AND created_at >= ?2 AND created_at < date(?3, '+1 day')"
    };
}

pub async fn overview(pool: &SqlitePool, site: SiteId, range: &DateRange) -> sqlx::Result<Overview> {
    let (from, to) = (range.from.as_str(), range.to.as_str());
    let totals = sqlx::query(concat!(
        "SELECT count(*) AS views, coalesce(sum(visitor_first), 0) AS visitors, coalesce(sum(visit_start), 0) AS visits
         FROM page_views WHERE ",
        in_period!()
    ))
    .bind(site)
    .bind(from)
    .bind(to)
    .fetch_one(pool)
    .await?;
    let visitors: i64 = totals.get("visitors");
    let daily_rows: Vec<(String, i64, i64)> = sqlx::query_as(concat!(
        "SELECT substr(created_at, 1, 10) AS day, count(*), sum(visitor_first) FROM page_views WHERE ",
        in_period!(),
        " GROUP BY day"
    ))
    .bind(site)
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await?;
    // Every day of the period, days without views as zero, so the chart's bars line up.
    let daily = range
        .each_day()
        .into_iter()
        .map(|day| {
            let found = daily_rows.iter().find(|(d, _, _)| *d == day);
            Day { views: found.map_or(0, |r| r.1), visitors: found.map_or(0, |r| r.2), day }
        })
        .collect();
    // A visitor's key is new each day, so distinct keys are distinct day-visitors.
    let all_pages: Vec<PageRow> = sqlx::query(concat!(
        "SELECT path, count(*) AS views, count(DISTINCT visitor) AS visitors,
                CAST(round(avg(duration_ms) / 1000.0) AS INTEGER) AS avg_seconds,
                sum(visit_start) AS entries, sum(visit_end) AS exits
         FROM page_views WHERE ",
        in_period!(),
        " GROUP BY path"
    ))
    .bind(site)
    .bind(from)
    .bind(to)
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
            exit_rate: percent(exits, views),
        }
    })
    .collect();
    let top = |key: fn(&PageRow) -> i64, n: usize| {
        let mut rows: Vec<&PageRow> = all_pages.iter().filter(|p| key(p) > 0).collect();
        rows.sort_by(|a, b| key(b).cmp(&key(a)).then_with(|| a.path.cmp(&b.path)));
        rows.into_iter().take(n).cloned().collect::<Vec<_>>()
    };
    let pages = top(|p| p.views, 20);
    let entry_pages = top(|p| p.entries, 10).into_iter().map(|p| Count { label: p.path, count: p.entries }).collect();
    let exit_pages = top(|p| p.exits, 10);
    // Each list: label, count; ?1 site, ?2 and ?3 the period.
    let counts = |sql: &'static str| async move {
        let rows: Vec<(String, i64)> = sqlx::query_as(sql).bind(site).bind(from).bind(to).fetch_all(pool).await?;
        Ok::<_, sqlx::Error>(rows.into_iter().map(|(label, count)| Count { label, count }).collect::<Vec<_>>())
    };
    let referrers = counts(concat!(
        "SELECT referrer, count(*) FROM page_views WHERE referrer <> '' AND ",
        in_period!(),
        " GROUP BY referrer ORDER BY 2 DESC, 1 LIMIT 10"
    ))
    .await?;
    let campaigns = counts(concat!(
        "SELECT utm_source || coalesce(' / ' || nullif(utm_medium, ''), '') || coalesce(' / ' || nullif(utm_campaign, ''), ''),
                count(*)
         FROM page_views WHERE utm_source <> '' AND ",
        in_period!(),
        " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"
    ))
    .await?;
    let screens = counts(concat!(
        "SELECT screen, sum(visitor_first) FROM page_views WHERE ",
        in_period!(),
        " GROUP BY screen HAVING sum(visitor_first) > 0 ORDER BY 2 DESC, 1"
    ))
    .await?;
    let languages = counts(concat!(
        "SELECT coalesce(nullif(language, ''), 'unknown'), sum(visitor_first) FROM page_views WHERE ",
        in_period!(),
        " GROUP BY 1 HAVING sum(visitor_first) > 0 ORDER BY 2 DESC, 1 LIMIT 10"
    ))
    .await?;
    let goals = sqlx::query_as::<_, (String, i64, i64)>(concat!(
        "SELECT name, count(*), count(DISTINCT visitor) FROM analytics_events WHERE ",
        in_period!(),
        " GROUP BY name ORDER BY 3 DESC, 1 LIMIT 20"
    ))
    .bind(site)
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|(name, events, converted)| Goal { name, events, visitors: converted, rate: percent(converted, visitors) })
    .collect();
    Ok(Overview {
        site: String::new(),
        from: from.to_owned(),
        to: to.to_owned(),
        views: totals.get("views"),
        visitors,
        visits: totals.get("visits"),
        daily,
        pages,
        entry_pages,
        exit_pages,
        referrers,
        campaigns,
        screens,
        languages,
        goals,
    })
}

/// `part` of `whole` in percent, rounded half up; 0 of nothing.
fn percent(part: i64, whole: i64) -> i64 {
    if whole == 0 { 0 } else { (part * 100 + whole / 2) / whole }
}

/// The three views after each view of `start` within the same visit (NULL once the visit
/// ended), counted per distinct continuation.
/// The pages of the three steps after a view (`None` once the visit ended), and how many
/// views went that way.
type StepRow = (Option<String>, Option<String>, Option<String>, i64);

/// An empty `start` means the period's most viewed page.
pub async fn paths(pool: &SqlitePool, site: SiteId, range: &DateRange, start: &str) -> sqlx::Result<PathTree> {
    let start = if start.trim().is_empty() {
        sqlx::query_scalar::<_, String>(concat!(
            "SELECT path FROM page_views WHERE ",
            in_period!(),
            " GROUP BY path ORDER BY count(*) DESC, path LIMIT 1"
        ))
        .bind(site)
        .bind(range.from.as_str())
        .bind(range.to.as_str())
        .fetch_optional(pool)
        .await?
        .unwrap_or_else(|| "/".to_owned())
    } else {
        start.trim().to_owned()
    };
    let start = start.as_str();
    let rows: Vec<StepRow> = sqlx::query_as(concat!(
        "WITH v AS (
           SELECT path, created_at AS t0,
                  lead(path, 1) OVER w AS p1, lead(created_at, 1) OVER w AS t1,
                  lead(path, 2) OVER w AS p2, lead(created_at, 2) OVER w AS t2,
                  lead(path, 3) OVER w AS p3, lead(created_at, 3) OVER w AS t3
           FROM page_views WHERE ",
        in_period!(),
        " AND visitor IN (SELECT visitor FROM page_views WHERE path = ?4 AND ",
        in_period!(),
        ")
           WINDOW w AS (PARTITION BY visitor ORDER BY created_at, id)
         ), steps AS (
           SELECT p1, p2, p3,
                  t1 IS NOT NULL AND (julianday(t1) - julianday(t0)) * 1440 <= ?5 AS go1,
                  t2 IS NOT NULL AND (julianday(t2) - julianday(t1)) * 1440 <= ?5 AS go2,
                  t3 IS NOT NULL AND (julianday(t3) - julianday(t2)) * 1440 <= ?5 AS go3
           FROM v WHERE path = ?4
         )
         SELECT CASE WHEN go1 THEN p1 END,
                CASE WHEN go1 AND go2 THEN p2 END,
                CASE WHEN go1 AND go2 AND go3 THEN p3 END,
                count(*)
         FROM steps GROUP BY 1, 2, 3"
    ))
    .bind(site)
    .bind(range.from.as_str())
    .bind(range.to.as_str())
    .bind(start)
    .bind(VISIT_GAP_MINUTES)
    .fetch_all(pool)
    .await?;
    let rows: Vec<([Option<String>; PATH_STEPS], i64)> = rows.into_iter().map(|(a, b, c, n)| ([a, b, c], n)).collect();
    Ok(PathTree { start: start.to_owned(), views: rows.iter().map(|r| r.1).sum(), next: branches(&rows, 0) })
}

/// The nodes of one step: "left" (the visit ended) always, the most followed pages, and
/// the rest summed as "other pages"; each page with the steps after it.
fn branches(rows: &[([Option<String>; PATH_STEPS], i64)], step: usize) -> Vec<PathNode> {
    if step == PATH_STEPS {
        return Vec::new();
    }
    let mut groups: Vec<(Option<String>, i64)> = Vec::new();
    for (steps, n) in rows {
        match groups.iter_mut().find(|g| g.0 == steps[step]) {
            Some(g) => g.1 += n,
            None => groups.push((steps[step].clone(), *n)),
        }
    }
    groups.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut nodes = Vec::new();
    let mut other = 0;
    let mut shown = 0;
    for (path, count) in groups {
        match path {
            None => nodes.push(PathNode { path: None, other: false, count, next: Vec::new() }),
            Some(_) if shown == PATH_BRANCHES => other += count,
            Some(p) => {
                shown += 1;
                let below: Vec<_> = rows.iter().filter(|(s, _)| s[step].as_ref() == Some(&p)).cloned().collect();
                nodes.push(PathNode { path: Some(p), other: false, count, next: branches(&below, step + 1) });
            }
        }
    }
    if other > 0 {
        nodes.push(PathNode { path: None, other: true, count: other, next: Vec::new() });
    }
    nodes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(steps: [Option<&str>; 3], n: i64) -> ([Option<String>; 3], i64) {
        (steps.map(|s| s.map(str::to_owned)), n)
    }

    #[test]
    fn a_step_shows_the_top_pages_then_other_and_always_who_left() {
        let mut rows: Vec<_> = (0..7).map(|i| row([Some(&format!("/p{i}")), None, None], 10 - i)).collect();
        rows.push(row([None, None, None], 1));
        let nodes = branches(&rows, 0);
        let shown: Vec<_> = nodes.iter().map(|n| (n.path.clone(), n.other, n.count)).collect();
        assert_eq!(shown.len(), 7, "five pages, other, left");
        assert_eq!(shown[0], (Some("/p0".into()), false, 10));
        assert_eq!(shown[5], (None, false, 1), "left");
        assert_eq!(shown[6], (None, true, 5 + 4), "/p5 and /p6");
        assert_eq!(nodes[0].next[0].path, None, "after /p0 every visit ended");
    }
}
