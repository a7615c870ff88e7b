//! SQL of the analytics reports. Visits are marked on each view as it is stored (see
//! migration 0010): `visit_start`, `visit_end`, and `visitor_first` for the first view of a
//! visitor's key, which changes daily, so that summing it counts each day's visitors.

use super::api::{Count, Day, Goal, Overview, PATH_BRANCHES, PATH_STEPS, PageRow, PathNode, PathTree};
use crate::analytics::db::VISIT_GAP_MINUTES;
use crate::domain::{DateRange, PastDate, SiteId};
// AssertSqlSafe: only the names of the live tables are formatted into statements.
use crate::db::Db;
use sqlx::{AssertSqlSafe, Row};

/// `created_at` within the period: $2 the first day, $3 the last (`YYYY-MM-DD`, both
/// included; ISO timestamps compare as text, and a time on the last day sorts before the
/// day followed by "U", as 'T' < 'U').
macro_rules! in_period {
    () => {
        "site_id = $1 AND created_at >= $2 AND created_at < ($3 || 'U')"
    };
}

// Each report reads two parts: the days already summed (`analytics_day*` tables, see
// migration 0023) and the days after them straight from the page views. The `*_by_day`
// statements below give the same rows for both: they fill the summary tables, and their
// rows for the unsummed days are added to the summed ones. `$1` site, `$2` and `$3` the
// days they read (as `in_period!`).

/// Per day: views, day-visitors and visits.
macro_rules! days_by_day {
    () => {
        concat!(
            "SELECT substr(created_at, 1, 10) AS day, count(*) AS views, sum(visitor_first) AS visitors,
                    sum(visit_start) AS visits
             FROM page_views WHERE ",
            in_period!(),
            " GROUP BY day"
        )
    };
}

/// Per day and page: views, distinct visitors, time reported and by how many views, entries, exits.
macro_rules! pages_by_day {
    () => {
        concat!(
            "SELECT substr(created_at, 1, 10) AS day, path, count(*) AS views, count(DISTINCT visitor) AS visitors,
                    coalesce(sum(duration_ms), 0) AS duration_ms, count(duration_ms) AS timed,
                    sum(visit_start) AS entries, sum(visit_end) AS exits
             FROM page_views WHERE ",
            in_period!(),
            " GROUP BY day, path"
        )
    };
}

/// Per day and goal: events, and distinct visitors. Goals are not summed live (they are
/// few): the days not summed yet read them here.
macro_rules! goals_by_day {
    () => {
        concat!(
            "SELECT substr(created_at, 1, 10) AS day, 'goal' AS kind, name AS label, count(*) AS count,
                    count(DISTINCT visitor) AS visitors
             FROM analytics_events WHERE ",
            in_period!(),
            " GROUP BY 1, 3"
        )
    };
}

/// Per day, kind and label: the count the report shows, and distinct visitors for goals.
/// The page views are grouped once by everything the kinds count by, and each kind sums
/// those groups: one pass over the period's views instead of one per kind (a busy day's
/// views were read four times for every report).
macro_rules! counts_by_day {
    () => {
        concat!(
            "WITH f AS MATERIALIZED (
               SELECT substr(created_at, 1, 10) AS day, referrer, utm_source, utm_medium, utm_campaign, screen,
                      language, count(*) AS views, sum(visitor_first) AS firsts
               FROM page_views WHERE ",
            in_period!(),
            " GROUP BY 1, 2, 3, 4, 5, 6, 7)
             SELECT day, 'referrer' AS kind, referrer AS label, sum(views) AS count, 0 AS visitors
             FROM f WHERE referrer <> '' GROUP BY day, label
             UNION ALL
             SELECT day, 'campaign',
                    utm_source || coalesce(' / ' || nullif(utm_medium, ''), '') || coalesce(' / ' || nullif(utm_campaign, ''), ''),
                    sum(views), 0
             FROM f WHERE utm_source <> '' GROUP BY 1, 3
             UNION ALL
             SELECT day, 'screen', screen, sum(firsts), 0 FROM f GROUP BY 1, 3
             UNION ALL
             SELECT day, 'language', coalesce(nullif(language, ''), 'unknown'), sum(firsts), 0 FROM f GROUP BY 1, 3
             UNION ALL ",
            goals_by_day!()
        )
    };
}

/// The live sums of the days not summed yet (`$2` to `$3`, see `analytics::live`).
macro_rules! live {
    () => {
        "site_id = $1 AND day >= $2 AND day <= $3"
    };
}

/// The summed days of a report: `$4` its first day, `$5` the last summed one.
macro_rules! summed {
    () => {
        "site_id = $1 AND day >= $4 AND day <= $5"
    };
}

/// The last day that is summed: yesterday, once it has been over for an hour (visits
/// never cross midnight, the visitor key being new each day, and the last "time on page"
/// reports of a day come within minutes); the day before in the first hour of a day.
fn last_summable() -> PastDate {
    let early = crate::server_ctx::now().rem_euclid(86_400) < 3_600;
    PastDate::today().days_before(if early { 2 } else { 1 })
}

/// Sums the site's days of `range` up to `last` (from [`last_summable`], taken once by the
/// caller so that it reads the same boundary it summed to) not summed yet, all or nothing
/// per call. Two servers doing it at once write the same rows; the second's are ignored.
async fn sum_days(pool: &Db, site: SiteId, range: &DateRange, last: &PastDate) -> sqlx::Result<()> {
    let wanted: Vec<String> = range.each_day().into_iter().filter(|d| d.as_str() <= last.as_str()).collect();
    if wanted.is_empty() {
        return Ok(());
    }
    let missing: Vec<String> = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT value FROM {} WHERE value NOT IN (SELECT day FROM analytics_days WHERE site_id = $1)",
        pool.dialect().json_values("$2")
    )))
    .bind(site)
    .bind(serde_json::to_string(&wanted).unwrap_or_default())
    .fetch_all(pool)
    .await?;
    let (Some(first), Some(last)) = (missing.first(), missing.last()) else {
        return Ok(());
    };
    let mut tx = pool.begin().await?;
    let run = |sql: &'static str| sqlx::query(sql).bind(site).bind(first.as_str()).bind(last.as_str());
    run(concat!(
        "INSERT INTO analytics_day_pages (site_id, day, path, views, visitors, duration_ms, timed, entries, exits)
         SELECT $1, day, path, views, visitors, duration_ms, timed, entries, exits FROM (",
        pages_by_day!(),
        ") AS p WHERE true ON CONFLICT DO NOTHING"
    ))
    .execute(&mut *tx)
    .await?;
    run(concat!(
        "INSERT INTO analytics_day_counts (site_id, day, kind, label, count, visitors)
         SELECT $1, day, kind, label, count, visitors FROM (",
        counts_by_day!(),
        ") AS c WHERE true ON CONFLICT DO NOTHING"
    ))
    .execute(&mut *tx)
    .await?;
    // Every missing day gets its row, views or not: the row says the day is summed.
    let days = pool.dialect().json_values("$4");
    sqlx::query(AssertSqlSafe(format!(
        concat!(
            "INSERT INTO analytics_days (site_id, day, views, visitors, visits)
             SELECT $1, m.value, coalesce(d.views, 0), coalesce(d.visitors, 0), coalesce(d.visits, 0)
             FROM {days} AS m LEFT JOIN (",
            days_by_day!(),
            ") AS d ON d.day = m.value WHERE true ON CONFLICT DO NOTHING"
        ),
        days = days
    )))
    .bind(site)
    .bind(first.as_str())
    .bind(last.as_str())
    .bind(serde_json::to_string(&missing).unwrap_or_default())
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// Sums every site's finished days since its last summed one (or its first page view),
/// so that reports seldom have to. Run by the hourly job and after seeding.
pub async fn sum_all_sites(pool: &Db) -> sqlx::Result<()> {
    let last = last_summable();
    let sites: Vec<(SiteId, Option<String>)> = sqlx::query_as(
        "SELECT s.id, coalesce((SELECT max(day) FROM analytics_days WHERE site_id = s.id),
                               (SELECT substr(min(created_at), 1, 10) FROM page_views WHERE site_id = s.id))
         FROM sites s",
    )
    .fetch_all(pool)
    .await?;
    for (site, from) in sites {
        let Some(Ok(from)) = from.map(|f| PastDate::parse(&f, None)) else { continue };
        if from > last {
            continue;
        }
        // A long history is summed a year at a time, so no transaction grows too large.
        for range in (DateRange { from, to: last.clone() }).chunks(DateRange::MAX_DAYS) {
            sum_days(pool, site, &range, &last).await?;
        }
    }
    // The live sums of the days now summed are read no more.
    for table in LIVE_TABLES {
        sqlx::query(AssertSqlSafe(format!("DELETE FROM {table} WHERE day <= $1")))
            .bind(last.as_str())
            .execute(pool)
            .await?;
    }
    Ok(())
}

/// The live sums of the days not summed yet (migration 0032).
const LIVE_TABLES: [&str; 3] = ["analytics_live_days", "analytics_live_pages", "analytics_live_counts"];

/// Sums again the views of the days that may not be summed yet into the live sums (see
/// `analytics::live`), for views written other than by the ingest (the seed, repaired
/// visit marks).
pub async fn rebuild_live(pool: &Db) -> sqlx::Result<()> {
    let from = last_summable().days_before(-1);
    let sites: Vec<SiteId> = sqlx::query_scalar("SELECT id FROM sites").fetch_all(pool).await?;
    let mut tx = pool.begin().await?;
    for table in LIVE_TABLES {
        sqlx::query(AssertSqlSafe(format!("DELETE FROM {table}"))).execute(&mut *tx).await?;
    }
    for site in sites {
        // To a day far ahead (SQLite's dates end with 9999), not today: a view stored just
        // past midnight is counted whatever the clock said when this began.
        let run = |sql: &'static str| sqlx::query(sql).bind(site).bind(from.as_str()).bind("9000-01-01");
        run(concat!(
            "INSERT INTO analytics_live_days (site_id, day, views, visitors, visits)
             SELECT $1, day, views, visitors, visits FROM (",
            days_by_day!(),
            ") AS d"
        ))
        .execute(&mut *tx)
        .await?;
        run(concat!(
            "INSERT INTO analytics_live_pages (site_id, day, path, views, visitors, duration_ms, timed, entries, exits)
             SELECT $1, day, path, views, visitors, duration_ms, timed, entries, exits FROM (",
            pages_by_day!(),
            ") AS p"
        ))
        .execute(&mut *tx)
        .await?;
        run(concat!(
            "INSERT INTO analytics_live_counts (site_id, day, kind, label, count)
             SELECT $1, day, kind, label, count FROM (",
            counts_by_day!(),
            ") AS c WHERE kind <> 'goal'"
        ))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// Forgets the sums of the days wholly before `cutoff` (a time), whose page views retention
/// deletes.
pub async fn forget_days_older(pool: &Db, site: SiteId, cutoff: &str) -> sqlx::Result<()> {
    let day = &cutoff[..cutoff.len().min(10)];
    for sql in [
        "DELETE FROM analytics_days WHERE site_id = $1 AND day < $2",
        "DELETE FROM analytics_day_pages WHERE site_id = $1 AND day < $2",
        "DELETE FROM analytics_day_counts WHERE site_id = $1 AND day < $2",
    ] {
        sqlx::query(sql).bind(site).bind(day).execute(pool).await?;
    }
    Ok(())
}

/// Page sums of a report, before the averages and rates.
type PageSums = (String, i64, i64, i64, i64, i64, i64);

pub async fn overview(pool: &Db, site: SiteId, range: &DateRange) -> sqlx::Result<Overview> {
    let last = last_summable();
    sum_days(pool, site, range, &last).await?;
    let (from, to) = (range.from.as_str(), range.to.as_str());
    // $2 the period's first unsummed day, $3 its last day; $4 its first, $5 its last summed.
    let summed_to = last.clone().min(range.to.clone());
    let tail_from = last.days_before(-1).max(range.from.clone());
    let binds = |sql: &'static str| {
        sqlx::query(sql).bind(site).bind(tail_from.as_str()).bind(to).bind(from).bind(summed_to.as_str())
    };
    let daily_rows: Vec<(String, i64, i64, i64)> = binds(concat!(
        "SELECT day, views, visitors, visits FROM analytics_days WHERE ",
        summed!(),
        " UNION ALL SELECT day, views, visitors, visits FROM analytics_live_days WHERE ",
        live!()
    ))
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
    .collect();
    let (views, visitors, visits) = daily_rows.iter().fold((0, 0, 0), |(a, b, c), (_, v, u, s)| (a + v, b + u, c + s));
    // Every day of the period, days without views as zero, so the chart's bars line up.
    let daily = range
        .each_day()
        .into_iter()
        .map(|day| {
            let found = daily_rows.iter().find(|r| r.0 == day);
            Day { views: found.map_or(0, |r| r.1), visitors: found.map_or(0, |r| r.2), day }
        })
        .collect();
    let all_pages: Vec<PageRow> = binds(concat!(
        "SELECT path, CAST(sum(views) AS BIGINT), CAST(sum(visitors) AS BIGINT), CAST(sum(duration_ms) AS BIGINT),
                CAST(sum(timed) AS BIGINT), CAST(sum(entries) AS BIGINT), CAST(sum(exits) AS BIGINT) FROM (
           SELECT path, views, visitors, duration_ms, timed, entries, exits FROM analytics_day_pages WHERE ",
        summed!(),
        " UNION ALL SELECT path, views, visitors, duration_ms, timed, entries, exits FROM analytics_live_pages WHERE ",
        live!(),
        ") AS p GROUP BY path"
    ))
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| {
        let (path, views, visitors, duration_ms, timed, entries, exits): PageSums =
            (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6));
        PageRow {
            path,
            views,
            visitors,
            // As SQLite's round(avg(duration_ms) / 1000.0): half away from zero.
            avg_seconds: (timed > 0).then(|| (duration_ms as f64 / timed as f64 / 1000.0).round() as i64),
            entries,
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
    let counts: Vec<(String, String, i64, i64)> = binds(concat!(
        "SELECT kind, label, CAST(sum(count) AS BIGINT), CAST(sum(visitors) AS BIGINT) FROM (
           SELECT kind, label, count, visitors FROM analytics_day_counts WHERE ",
        summed!(),
        " UNION ALL SELECT kind, label, count, 0 FROM analytics_live_counts WHERE ",
        live!(),
        " UNION ALL SELECT kind, label, count, visitors FROM (",
        goals_by_day!(),
        ") AS g) AS c GROUP BY kind, label"
    ))
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
    .collect();
    // One list: the kind's labels with a count, most first, then by label; at most `n`.
    let list = |kind: &str, n: usize| {
        let mut rows: Vec<Count> = counts
            .iter()
            .filter(|c| c.0 == kind && c.2 > 0)
            .map(|c| Count { label: c.1.clone(), count: c.2 })
            .collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        rows.truncate(n);
        rows
    };
    let mut goals: Vec<Goal> = counts
        .iter()
        .filter(|c| c.0 == "goal")
        .map(|c| Goal { name: c.1.clone(), events: c.2, visitors: c.3, rate: percent(c.3, visitors) })
        .collect();
    goals.sort_by(|a, b| b.visitors.cmp(&a.visitors).then_with(|| a.name.cmp(&b.name)));
    goals.truncate(20);
    Ok(Overview {
        site: String::new(),
        from: from.to_owned(),
        to: to.to_owned(),
        views,
        visitors,
        visits,
        daily,
        pages,
        entry_pages,
        exit_pages,
        referrers: list("referrer", 10),
        campaigns: list("campaign", 10),
        screens: list("screen", usize::MAX),
        languages: list("language", 10),
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
pub async fn paths(pool: &Db, site: SiteId, range: &DateRange, start: &str) -> sqlx::Result<PathTree> {
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
    let within = |from: &str, to: &str| {
        let minutes = pool.dialect().minutes_between(from, to);
        format!("{to} IS NOT NULL AND {minutes} <= $5")
    };
    let sql = format!(
        concat!(
            "WITH v AS (
           SELECT path, created_at AS t0,
                  lead(path, 1) OVER w AS p1, lead(created_at, 1) OVER w AS t1,
                  lead(path, 2) OVER w AS p2, lead(created_at, 2) OVER w AS t2,
                  lead(path, 3) OVER w AS p3, lead(created_at, 3) OVER w AS t3
           FROM page_views WHERE ",
            in_period!(),
            " AND visitor IN (SELECT visitor FROM page_views WHERE path = $4 AND ",
            in_period!(),
            ")
           WINDOW w AS (PARTITION BY visitor ORDER BY created_at, id)
         ), steps AS (
           SELECT p1, p2, p3, {go1} AS go1, {go2} AS go2, {go3} AS go3
           FROM v WHERE path = $4
         )
         SELECT CASE WHEN go1 THEN p1 END,
                CASE WHEN go1 AND go2 THEN p2 END,
                CASE WHEN go1 AND go2 AND go3 THEN p3 END,
                count(*)
         FROM steps GROUP BY 1, 2, 3"
        ),
        go1 = within("t0", "t1"),
        go2 = within("t1", "t2"),
        go3 = within("t2", "t3"),
    );
    let rows: Vec<StepRow> = sqlx::query_as(AssertSqlSafe(sql))
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
