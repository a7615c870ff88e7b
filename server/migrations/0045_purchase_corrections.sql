-- Corrections to sales: a purchase voided (entered by mistake; staff who made it on the
-- same day, managers any time) and returns of some of its lines, each with who and why.
-- The purchase row keeps what was sold (its CHECKs tie total to subtotal and discount);
-- `refunded_minor` is what was given back, so its net is `total_minor - refunded_minor`,
-- and a voided purchase counts for nothing. Totals, windows, segments, reports and the
-- loyalty ledger (a new row taking back what a returned line earned) follow.
ALTER TABLE purchases ADD COLUMN refunded_minor INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0);
ALTER TABLE purchases ADD COLUMN voided_at TEXT;
ALTER TABLE purchases ADD COLUMN voided_by INTEGER REFERENCES staff_users(id) ON DELETE SET NULL;
ALTER TABLE purchases ADD COLUMN void_reason TEXT;

-- A return of some lines of a purchase (or a refund: the money given back).
CREATE TABLE purchase_returns (
    id            INTEGER PRIMARY KEY,
    purchase_id   INTEGER NOT NULL REFERENCES purchases(id) ON DELETE CASCADE,
    staff_id      INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    reason        TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    amount_minor  INTEGER NOT NULL CHECK (amount_minor >= 0),
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX purchase_returns_by_purchase ON purchase_returns (purchase_id);

CREATE TABLE purchase_return_lines (
    return_id     INTEGER NOT NULL REFERENCES purchase_returns(id) ON DELETE CASCADE,
    line          INTEGER NOT NULL,
    quantity      INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 9999),
    amount_minor  INTEGER NOT NULL CHECK (amount_minor >= 0),
    PRIMARY KEY (return_id, line)
) STRICT;

-- What came back of each line of a purchase, summed over its returns: the record, the
-- till's checks, the loyalty take-back, the reports and the export read it here.
CREATE VIEW purchase_line_returns AS
SELECT r.purchase_id, rl.line, sum(rl.quantity) AS quantity, sum(rl.amount_minor) AS amount_minor
FROM purchase_return_lines rl JOIN purchase_returns r ON r.id = rl.return_id
GROUP BY r.purchase_id, rl.line;

-- The money given back is kept on the purchase with each return, so every sum of purchases
-- reads one row, and never more than was paid.
CREATE TRIGGER purchase_returns_refund AFTER INSERT ON purchase_returns
BEGIN
    UPDATE purchases SET refunded_minor = refunded_minor + NEW.amount_minor WHERE id = NEW.purchase_id;
    SELECT RAISE(ABORT, 'more refunded than paid')
    WHERE (SELECT refunded_minor > total_minor FROM purchases WHERE id = NEW.purchase_id);
END;

-- A voided purchase stays voided, and nothing is returned from it.
CREATE TRIGGER purchases_void_once BEFORE UPDATE OF voided_at ON purchases
WHEN OLD.voided_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'the purchase is already voided');
END;
CREATE TRIGGER purchase_returns_not_voided BEFORE INSERT ON purchase_returns
WHEN (SELECT voided_at IS NOT NULL FROM purchases WHERE id = NEW.purchase_id)
BEGIN
    SELECT RAISE(ABORT, 'the purchase is voided');
END;

-- The windows (migration 0015) count each purchase at its net, and a voided one not at
-- all: the three triggers are made again with `net` and `counted` for NEW and OLD.
DROP TRIGGER purchase_windows_add;
DROP TRIGGER purchase_windows_remove;
DROP TRIGGER purchase_windows_move;

CREATE TRIGGER purchase_windows_add AFTER INSERT ON purchases
WHEN NEW.voided_at IS NULL
BEGIN
    INSERT INTO purchase_windows (customer_id, site_id, spent_7, bought_7, spent_30, bought_30, spent_90, bought_90, spent_365, bought_365, spent_ever, bought_ever, last_at)
    SELECT NEW.customer_id, NEW.site_id,
           iif(NEW.created_at >= date(d.day, '-6 days'), NEW.total_minor - NEW.refunded_minor, 0), iif(NEW.created_at >= date(d.day, '-6 days'), 1, 0),
           iif(NEW.created_at >= date(d.day, '-29 days'), NEW.total_minor - NEW.refunded_minor, 0), iif(NEW.created_at >= date(d.day, '-29 days'), 1, 0),
           iif(NEW.created_at >= date(d.day, '-89 days'), NEW.total_minor - NEW.refunded_minor, 0), iif(NEW.created_at >= date(d.day, '-89 days'), 1, 0),
           iif(NEW.created_at >= date(d.day, '-364 days'), NEW.total_minor - NEW.refunded_minor, 0), iif(NEW.created_at >= date(d.day, '-364 days'), 1, 0),
           NEW.total_minor - NEW.refunded_minor, 1, NEW.created_at
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
WHEN OLD.voided_at IS NULL
BEGIN
    UPDATE purchase_windows SET
        spent_7 = spent_7 - iif(OLD.created_at >= (SELECT date(day, '-6 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor - OLD.refunded_minor, 0),
        bought_7 = bought_7 - iif(OLD.created_at >= (SELECT date(day, '-6 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_30 = spent_30 - iif(OLD.created_at >= (SELECT date(day, '-29 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor - OLD.refunded_minor, 0),
        bought_30 = bought_30 - iif(OLD.created_at >= (SELECT date(day, '-29 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_90 = spent_90 - iif(OLD.created_at >= (SELECT date(day, '-89 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor - OLD.refunded_minor, 0),
        bought_90 = bought_90 - iif(OLD.created_at >= (SELECT date(day, '-89 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_365 = spent_365 - iif(OLD.created_at >= (SELECT date(day, '-364 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor - OLD.refunded_minor, 0),
        bought_365 = bought_365 - iif(OLD.created_at >= (SELECT date(day, '-364 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_ever = spent_ever - (OLD.total_minor - OLD.refunded_minor), bought_ever = bought_ever - 1,
        last_at = (SELECT max(created_at) FROM purchases WHERE customer_id = OLD.customer_id AND voided_at IS NULL)
    WHERE customer_id = OLD.customer_id;
END;

-- A merge moves purchases to another customer and back; a return changes a purchase's net;
-- a void takes it out. Whatever changed, OLD's part is taken away and NEW's added.
CREATE TRIGGER purchase_windows_move
AFTER UPDATE OF customer_id, site_id, total_minor, created_at, refunded_minor, voided_at ON purchases
BEGIN
    UPDATE purchase_windows SET
        spent_7 = spent_7 - iif(OLD.created_at >= (SELECT date(day, '-6 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor - OLD.refunded_minor, 0),
        bought_7 = bought_7 - iif(OLD.created_at >= (SELECT date(day, '-6 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_30 = spent_30 - iif(OLD.created_at >= (SELECT date(day, '-29 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor - OLD.refunded_minor, 0),
        bought_30 = bought_30 - iif(OLD.created_at >= (SELECT date(day, '-29 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_90 = spent_90 - iif(OLD.created_at >= (SELECT date(day, '-89 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor - OLD.refunded_minor, 0),
        bought_90 = bought_90 - iif(OLD.created_at >= (SELECT date(day, '-89 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_365 = spent_365 - iif(OLD.created_at >= (SELECT date(day, '-364 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), OLD.total_minor - OLD.refunded_minor, 0),
        bought_365 = bought_365 - iif(OLD.created_at >= (SELECT date(day, '-364 days') FROM purchase_windows_day WHERE site_id = OLD.site_id), 1, 0),
        spent_ever = spent_ever - (OLD.total_minor - OLD.refunded_minor), bought_ever = bought_ever - 1,
        last_at = (SELECT max(created_at) FROM purchases WHERE customer_id = OLD.customer_id AND voided_at IS NULL)
    WHERE customer_id = OLD.customer_id AND OLD.voided_at IS NULL;
    INSERT INTO purchase_windows (customer_id, site_id, spent_7, bought_7, spent_30, bought_30, spent_90, bought_90, spent_365, bought_365, spent_ever, bought_ever, last_at)
    SELECT NEW.customer_id, NEW.site_id,
           iif(NEW.created_at >= date(d.day, '-6 days'), NEW.total_minor - NEW.refunded_minor, 0), iif(NEW.created_at >= date(d.day, '-6 days'), 1, 0),
           iif(NEW.created_at >= date(d.day, '-29 days'), NEW.total_minor - NEW.refunded_minor, 0), iif(NEW.created_at >= date(d.day, '-29 days'), 1, 0),
           iif(NEW.created_at >= date(d.day, '-89 days'), NEW.total_minor - NEW.refunded_minor, 0), iif(NEW.created_at >= date(d.day, '-89 days'), 1, 0),
           iif(NEW.created_at >= date(d.day, '-364 days'), NEW.total_minor - NEW.refunded_minor, 0), iif(NEW.created_at >= date(d.day, '-364 days'), 1, 0),
           NEW.total_minor - NEW.refunded_minor, 1, NEW.created_at
    FROM purchase_windows_day d WHERE d.site_id = NEW.site_id AND NEW.voided_at IS NULL
    ON CONFLICT (customer_id) DO UPDATE SET
        spent_7 = spent_7 + excluded.spent_7, bought_7 = bought_7 + excluded.bought_7,
        spent_30 = spent_30 + excluded.spent_30, bought_30 = bought_30 + excluded.bought_30,
        spent_90 = spent_90 + excluded.spent_90, bought_90 = bought_90 + excluded.bought_90,
        spent_365 = spent_365 + excluded.spent_365, bought_365 = bought_365 + excluded.bought_365,
        spent_ever = spent_ever + excluded.spent_ever, bought_ever = bought_ever + excluded.bought_ever,
        last_at = max(coalesce(last_at, ''), excluded.last_at);
END;

-- Webhook `purchase.corrected`: a purchase voided or a return of it (migration 0025's shape).
CREATE TRIGGER webhook_purchase_corrected AFTER UPDATE OF refunded_minor, voided_at ON purchases
WHEN EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.site_id = NEW.site_id AND e.active = 1
             AND instr(',' || e.events || ',', ',purchase.corrected,') > 0)
BEGIN
    INSERT INTO webhook_events (site_id, type, subject_id, customer_id)
    VALUES (NEW.site_id, 'purchase.corrected', NEW.id, NEW.customer_id);
END;

-- Spend over a window not kept in purchase_windows still reads one index range: the index
-- covers the net and the void as it covered the total (migration 0012).
DROP INDEX purchases_by_site_time;
CREATE INDEX purchases_by_site_time ON purchases (site_id, created_at, customer_id, total_minor, refunded_minor, voided_at);
