-- Segments (saved customer filters), the dormant-customer rule, and the indexes the
-- segment conditions probe.

-- A saved filter. `filter` is the builder's JSON as staff left it; it is parsed again on
-- every use, so a rule that no longer parses is reported, never silently dropped.
CREATE TABLE segments (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    name        TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    filter      TEXT    NOT NULL,
    created_by  INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (site_id, name)
) STRICT;

-- A customer is dormant when their last purchase is older than this many days.
ALTER TABLE sites ADD COLUMN dormant_days INTEGER NOT NULL DEFAULT 30 CHECK (dormant_days BETWEEN 1 AND 3650);

-- Spend and purchase counts over a window ("over 500 in the last 30 days") read only this
-- index: the window is a range of it, and customer and total come with each entry.
-- It serves everything the narrower index it replaces served.
DROP INDEX purchases_by_site_time;
CREATE INDEX purchases_by_site_time ON purchases (site_id, created_at, customer_id, total_minor);

-- "Latest NPS answer", "ranked ... first", "heard from ..." per customer.
CREATE INDEX nps_by_customer ON nps_responses (customer_id, created_at) WHERE customer_id IS NOT NULL;
CREATE INDEX reason_rankings_by_customer ON reason_rankings (customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX heard_by_customer ON heard_responses (customer_id) WHERE customer_id IS NOT NULL;
