-- Each site's analytics summed per finished day, so a report over a year reads a few
-- thousand rows instead of millions of page views. A day is summed once it can no longer
-- change (an hour after it ended: visits never cross midnight, since a visitor's key is
-- new each day, and late "time on page" reports arrive within minutes); today is read
-- from the page views themselves. Every figure here sums across days: distinct visitors
-- per day are distinct day-visitors, which is what the reports count.

-- One row per site and summed day, also for a day without views: its presence says the
-- day is summed.
CREATE TABLE analytics_days (
    site_id   INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    day       TEXT    NOT NULL,
    views     INTEGER NOT NULL,
    visitors  INTEGER NOT NULL,
    visits    INTEGER NOT NULL,
    PRIMARY KEY (site_id, day)
) STRICT, WITHOUT ROWID;

-- Per page and day: views, distinct visitors, the time reported (sum and how many views
-- reported one, for the average), views that began and ended a visit.
CREATE TABLE analytics_day_pages (
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

-- Per label and day of the lists: referrers and campaigns (views), screens and languages
-- (visitors), goals (events, and distinct visitors in `visitors`).
CREATE TABLE analytics_day_counts (
    site_id   INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    day       TEXT    NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('referrer', 'campaign', 'screen', 'language', 'goal')),
    label     TEXT    NOT NULL,
    count     INTEGER NOT NULL,
    visitors  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (site_id, day, kind, label)
) STRICT, WITHOUT ROWID;
