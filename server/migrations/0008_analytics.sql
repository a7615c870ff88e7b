-- First-party page-path analytics without cookies.
--
-- A visitor is a hash of (the day's salt, site, IP address, user agent): the same person
-- on the same day is one visitor, and since each day's salt is deleted when the day is
-- over, yesterday's hashes cannot be recomputed from an IP address. IP addresses and user
-- agents are never stored.

-- The salt of the current day (UTC). Rows of past days are deleted as soon as a new day's
-- salt is made, so at most one row exists after the first event of a day.
CREATE TABLE analytics_salts (
    day   TEXT PRIMARY KEY,
    salt  TEXT NOT NULL
) STRICT;

-- One page view. `view_id` is made by the tracker for this one view (not a visitor id) and
-- joins the later time-on-page report. `customer_id` is set only when the browser holds
-- the visitor token of a customer who identified in a Patron widget; erasing the customer
-- erases these rows.
CREATE TABLE page_views (
    id            INTEGER PRIMARY KEY,
    site_id       INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    view_id       TEXT    NOT NULL,
    visitor       TEXT    NOT NULL,
    customer_id   INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    path          TEXT    NOT NULL,
    referrer      TEXT    NOT NULL DEFAULT '',
    utm_source    TEXT    NOT NULL DEFAULT '',
    utm_medium    TEXT    NOT NULL DEFAULT '',
    utm_campaign  TEXT    NOT NULL DEFAULT '',
    screen        TEXT    NOT NULL CHECK (screen IN ('mobile', 'tablet', 'desktop')),
    language      TEXT    NOT NULL DEFAULT '',
    -- Milliseconds the page was visible; NULL until the tracker reports it.
    duration_ms   INTEGER CHECK (duration_ms >= 0),
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (site_id, view_id)
) STRICT;
CREATE INDEX page_views_by_site_time ON page_views (site_id, created_at);
CREATE INDEX page_views_by_visitor ON page_views (site_id, visitor, created_at);
CREATE INDEX page_views_by_customer ON page_views (customer_id, created_at) WHERE customer_id IS NOT NULL;

-- A custom event (`patron.track("name", {props})`), e.g. a goal such as "clicked share".
CREATE TABLE analytics_events (
    id           INTEGER PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    view_id      TEXT    NOT NULL,
    visitor      TEXT    NOT NULL,
    customer_id  INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    props        TEXT    NOT NULL DEFAULT '{}',
    path         TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX analytics_events_by_site_time ON analytics_events (site_id, name, created_at);
