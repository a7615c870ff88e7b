-- The days not summed yet (today, and yesterday in its first hour: see 0023), summed as the
-- page views arrive: the ingest adds each batch's counts in its own transaction
-- (app::analytics::live), so a report of a busy today reads a few rows instead of
-- every view of the day. Same columns as the summed days; `visitors` of a page counts the
-- views that were their visitor's first of that page that day. Goals stay read from their
-- events (few). Rows of days that got summed are deleted by the hourly job.
CREATE TABLE analytics_live_days (
    site_id   INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    day       TEXT    NOT NULL,
    views     INTEGER NOT NULL,
    visitors  INTEGER NOT NULL,
    visits    INTEGER NOT NULL,
    PRIMARY KEY (site_id, day)
) STRICT, WITHOUT ROWID;

CREATE TABLE analytics_live_pages (
    site_id      INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    day          TEXT    NOT NULL,
    path         TEXT    NOT NULL,
    views        INTEGER NOT NULL,
    visitors     INTEGER NOT NULL,
    duration_ms  INTEGER NOT NULL,
    timed        INTEGER NOT NULL,
    entries      INTEGER NOT NULL,
    exits        INTEGER NOT NULL,
    PRIMARY KEY (site_id, day, path)
) STRICT, WITHOUT ROWID;

CREATE TABLE analytics_live_counts (
    site_id   INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    day       TEXT    NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('referrer', 'campaign', 'screen', 'language')),
    label     TEXT    NOT NULL,
    count     INTEGER NOT NULL,
    PRIMARY KEY (site_id, day, kind, label)
) STRICT, WITHOUT ROWID;

-- The views already stored of the days that may not be summed yet.
INSERT INTO analytics_live_days (site_id, day, views, visitors, visits)
SELECT site_id, substr(created_at, 1, 10), count(*), sum(visitor_first), sum(visit_start)
FROM page_views WHERE created_at >= date('now', '-1 day') GROUP BY 1, 2;

INSERT INTO analytics_live_pages (site_id, day, path, views, visitors, duration_ms, timed, entries, exits)
SELECT site_id, substr(created_at, 1, 10), path, count(*), count(DISTINCT visitor), coalesce(sum(duration_ms), 0),
       count(duration_ms), sum(visit_start), sum(visit_end)
FROM page_views WHERE created_at >= date('now', '-1 day') GROUP BY 1, 2, 3;

INSERT INTO analytics_live_counts (site_id, day, kind, label, count)
SELECT site_id, substr(created_at, 1, 10), 'referrer', referrer, count(*)
FROM page_views WHERE created_at >= date('now', '-1 day') AND referrer <> '' GROUP BY 1, 2, 4
UNION ALL
SELECT site_id, substr(created_at, 1, 10), 'campaign',
       utm_source || coalesce(' / ' || nullif(utm_medium, ''), '') || coalesce(' / ' || nullif(utm_campaign, ''), ''),
       count(*)
FROM page_views WHERE created_at >= date('now', '-1 day') AND utm_source <> '' GROUP BY 1, 2, 4
UNION ALL
SELECT site_id, substr(created_at, 1, 10), 'screen', screen, sum(visitor_first)
FROM page_views WHERE created_at >= date('now', '-1 day') GROUP BY 1, 2, 4
UNION ALL
SELECT site_id, substr(created_at, 1, 10), 'language', coalesce(nullif(language, ''), 'unknown'), sum(visitor_first)
FROM page_views WHERE created_at >= date('now', '-1 day') GROUP BY 1, 2, 4;
