-- Spend, purchase count and last purchase per customer over the windows the segment
-- builder offers (the last 7, 30, 90 and 365 days, and ever), so "women who spent over 500
-- in the last 30 days" reads one index range instead of grouping a month of purchases
-- (1.8 s at ten million purchases, measured). Other windows still group the purchases.
--
-- "The last N days" is today (UTC) and the N - 1 days before it. `purchase_windows_day`
-- holds the day each site's windows are counted for; the triggers below keep the sums
-- exact for that day as purchases come, move or go, and the day rolls forward on first use
-- (segments::windows::bring_up_to), subtracting the purchases that fell out. A site
-- without a row here has no windows yet: the first use builds them from the purchases.
CREATE TABLE purchase_windows (
    customer_id  INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
    site_id      INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    spent_7      INTEGER NOT NULL DEFAULT 0,
    bought_7     INTEGER NOT NULL DEFAULT 0,
    spent_30     INTEGER NOT NULL DEFAULT 0,
    bought_30    INTEGER NOT NULL DEFAULT 0,
    spent_90     INTEGER NOT NULL DEFAULT 0,
    bought_90    INTEGER NOT NULL DEFAULT 0,
    spent_365    INTEGER NOT NULL DEFAULT 0,
    bought_365   INTEGER NOT NULL DEFAULT 0,
    spent_ever   INTEGER NOT NULL DEFAULT 0,
    bought_ever  INTEGER NOT NULL DEFAULT 0,
    last_at      TEXT
) STRICT;
CREATE INDEX purchase_windows_spent_7 ON purchase_windows (site_id, spent_7);
CREATE INDEX purchase_windows_spent_30 ON purchase_windows (site_id, spent_30);
CREATE INDEX purchase_windows_spent_90 ON purchase_windows (site_id, spent_90);
CREATE INDEX purchase_windows_spent_365 ON purchase_windows (site_id, spent_365);
CREATE INDEX purchase_windows_spent_ever ON purchase_windows (site_id, spent_ever);
CREATE INDEX purchase_windows_last ON purchase_windows (site_id, last_at);

CREATE TABLE purchase_windows_day (
    site_id  INTEGER PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
    day      TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;

CREATE TRIGGER purchase_windows_add AFTER INSERT ON purchases
BEGIN
    INSERT INTO purchase_windows (customer_id, site_id, spent_7, bought_7, spent_30, bought_30, spent_90, bought_90, spent_365, bought_365, spent_ever, bought_ever, last_at)
    SELECT NEW.customer_id, NEW.site_id,
           iif(NEW.created_at >= date(d.day, '-6 days'), NEW.total_minor, 0), iif(NEW.created_at >= date(d.day, '-6 days'), 1, 0),
           iif(NEW.created_at >= date(d.day, '-29 days'), NEW.total_minor, 0), iif(NEW.created_at >= date(d.day, '-29 days'), 1, 0),
           iif(NEW.created_at >= date(d.day, '-89 days'), NEW.total_minor, 0), iif(NEW.created_at >= date(d.day, '-89 days'), 1, 0),
           iif(NEW.created_at >= date(d.day, '-364 days'), NEW.total_minor, 0), iif(NEW.created_at >= date(d.day, '-364 days'), 1, 0),
           NEW.total_minor, 1, NEW.created_at
    FROM purchase_windows_day d WHERE d.site_id = NEW.site_id
    ON CONFLICT (customer_id) DO UPDATE SET
        spent_7 = spent_7 + excluded.spent_7, bought_7 = bought_7 + excluded.bought_7,
        spent_30 = spent_30 + excluded.spent_30, bought_30 = bought_30 + excluded.bought_30,
        spent_90 = spent_90 + excluded.spent_90, bought_90 = bought_90 + excluded.bought_90,
        spent_365 = spent_365 + excluded.spent_365, bought_365 = bought_365 + excluded.bought_365,
        spent_ever = spent_ever + excluded.spent_ever, bought_ever = bought_ever + excluded.bought_ever,
        last_at = max(coalesce(last_at, ''), excluded.last_at);
END;

CREATE TRIGGER purchase_windows_remove AFTER DELETE ON purchases
BEGIN
    UPDATE purchase_windows SET
        spent_7 = spent_7 - iif(OLD.created_at >= (SELECT date(day, '-6 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor, 0),
        bought_7 = bought_7 - iif(OLD.created_at >= (SELECT date(day, '-6 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_30 = spent_30 - iif(OLD.created_at >= (SELECT date(day, '-29 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor, 0),
        bought_30 = bought_30 - iif(OLD.created_at >= (SELECT date(day, '-29 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_90 = spent_90 - iif(OLD.created_at >= (SELECT date(day, '-89 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor, 0),
        bought_90 = bought_90 - iif(OLD.created_at >= (SELECT date(day, '-89 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_365 = spent_365 - iif(OLD.created_at >= (SELECT date(day, '-364 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor, 0),
        bought_365 = bought_365 - iif(OLD.created_at >= (SELECT date(day, '-364 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_ever = spent_ever - OLD.total_minor, bought_ever = bought_ever - 1,
        last_at = (SELECT max(created_at) FROM purchases WHERE customer_id = OLD.customer_id)
    WHERE customer_id = OLD.customer_id;
END;

-- A merge moves purchases to another customer; undoing it moves them back.
CREATE TRIGGER purchase_windows_move AFTER UPDATE OF customer_id, site_id, total_minor, created_at ON purchases
BEGIN
    UPDATE purchase_windows SET
        spent_7 = spent_7 - iif(OLD.created_at >= (SELECT date(day, '-6 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor, 0),
        bought_7 = bought_7 - iif(OLD.created_at >= (SELECT date(day, '-6 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_30 = spent_30 - iif(OLD.created_at >= (SELECT date(day, '-29 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor, 0),
        bought_30 = bought_30 - iif(OLD.created_at >= (SELECT date(day, '-29 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_90 = spent_90 - iif(OLD.created_at >= (SELECT date(day, '-89 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor, 0),
        bought_90 = bought_90 - iif(OLD.created_at >= (SELECT date(day, '-89 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_365 = spent_365 - iif(OLD.created_at >= (SELECT date(day, '-364 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor, 0),
        bought_365 = bought_365 - iif(OLD.created_at >= (SELECT date(day, '-364 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_ever = spent_ever - OLD.total_minor, bought_ever = bought_ever - 1,
        last_at = (SELECT max(created_at) FROM purchases WHERE customer_id = OLD.customer_id)
    WHERE customer_id = OLD.customer_id;
    INSERT INTO purchase_windows (customer_id, site_id, spent_7, bought_7, spent_30, bought_30, spent_90, bought_90, spent_365, bought_365, spent_ever, bought_ever, last_at)
    SELECT NEW.customer_id, NEW.site_id,
           iif(NEW.created_at >= date(d.day, '-6 days'), NEW.total_minor, 0), iif(NEW.created_at >= date(d.day, '-6 days'), 1, 0),
           iif(NEW.created_at >= date(d.day, '-29 days'), NEW.total_minor, 0), iif(NEW.created_at >= date(d.day, '-29 days'), 1, 0),
           iif(NEW.created_at >= date(d.day, '-89 days'), NEW.total_minor, 0), iif(NEW.created_at >= date(d.day, '-89 days'), 1, 0),
           iif(NEW.created_at >= date(d.day, '-364 days'), NEW.total_minor, 0), iif(NEW.created_at >= date(d.day, '-364 days'), 1, 0),
           NEW.total_minor, 1, NEW.created_at
    FROM purchase_windows_day d WHERE d.site_id = NEW.site_id
    ON CONFLICT (customer_id) DO UPDATE SET
        spent_7 = spent_7 + excluded.spent_7, bought_7 = bought_7 + excluded.bought_7,
        spent_30 = spent_30 + excluded.spent_30, bought_30 = bought_30 + excluded.bought_30,
        spent_90 = spent_90 + excluded.spent_90, bought_90 = bought_90 + excluded.bought_90,
        spent_365 = spent_365 + excluded.spent_365, bought_365 = bought_365 + excluded.bought_365,
        spent_ever = spent_ever + excluded.spent_ever, bought_ever = bought_ever + excluded.bought_ever,
        last_at = max(coalesce(last_at, ''), excluded.last_at);
END;
