-- Retention: how long each site keeps what it collects, applied by a job every server
-- runs on its own (the work is the same whichever server does it, so two at once only
-- repeat each other). Sites without a row keep the defaults below.
CREATE TABLE retention_rules (
    site_id           INTEGER PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
    -- Page views and custom events older than this many months are deleted.
    analytics_months  INTEGER NOT NULL DEFAULT 13 CHECK (analytics_months BETWEEN 1 AND 120),
    -- Customers with no purchase, visit, reservation, contact or change, and no consent in
    -- force, for this many months are erased (a tombstone stays). NULL: kept.
    inactive_months   INTEGER DEFAULT 36 CHECK (inactive_months BETWEEN 6 AND 240),
    updated_at        TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- When the job last looked at this site.
    last_run_at       TEXT
) STRICT;
INSERT INTO retention_rules (site_id) SELECT id FROM sites;
CREATE TRIGGER sites_get_retention_rules AFTER INSERT ON sites
BEGIN
    INSERT INTO retention_rules (site_id) VALUES (NEW.id);
END;

-- What each run of the job removed, per site; a run that removed nothing leaves no row.
-- `site_id` NULL: the server-wide part (stale uploads, unused self-service links).
CREATE TABLE retention_runs (
    id             INTEGER PRIMARY KEY,
    site_id        INTEGER REFERENCES sites(id) ON DELETE CASCADE,
    ran_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    page_views     INTEGER NOT NULL DEFAULT 0,
    events         INTEGER NOT NULL DEFAULT 0,
    customers      INTEGER NOT NULL DEFAULT 0,
    uploads        INTEGER NOT NULL DEFAULT 0,
    links          INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX retention_runs_by_site ON retention_runs (site_id, id DESC);

-- The job finds a site's old events by time (page views have such an index already).
CREATE INDEX analytics_events_by_site_created ON analytics_events (site_id, created_at);
