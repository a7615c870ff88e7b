-- Automation: Patron's built-in rules, each switched on per site, that mail a customer
-- and/or tell the site's webhooks when something happens to them — once per customer per
-- rule. The rules are evaluated by every server's timer job (and at once when staff mark a
-- reserved item arrived); a run is claimed by inserting its row, so two servers never fire
-- one rule twice for one customer.

-- A site's setting of one built-in rule. No row: the rule is off.
CREATE TABLE automation_rules (
    id              INTEGER PRIMARY KEY,
    site_id         INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    -- dormant: the customer passed the site's dormant rule (a win-back, with a discount code);
    -- detractor: the customer answered the NPS question with 0 to 6;
    -- item_arrived: an item the customer reserved was marked arrived.
    trigger         TEXT    NOT NULL CHECK (trigger IN ('dormant', 'detractor', 'item_arrived')),
    active          INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
    send_mail       INTEGER NOT NULL DEFAULT 1 CHECK (send_mail IN (0, 1)),
    send_webhook    INTEGER NOT NULL DEFAULT 0 CHECK (send_webhook IN (0, 1)),
    -- The code the win-back mail offers (`{code}`); the shop's till or web shop honours it.
    discount_code   TEXT    NOT NULL DEFAULT '' CHECK (length(discount_code) <= 40),
    -- When it was last switched on: answers and arrivals from before are not acted on, so
    -- switching a rule on does not mail everyone who ever gave a low score.
    active_since    TEXT,
    updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (site_id, trigger)
) STRICT;

-- A rule fired for a customer. `occasion` makes it once per customer per rule (0), except
-- for arrivals, where each reservation is its own news (the reservation's id). `subject_id`
-- is what fired it: the NPS answer or the reservation (none for dormancy).
CREATE TABLE automation_runs (
    id           INTEGER PRIMARY KEY,
    rule_id      INTEGER NOT NULL REFERENCES automation_rules(id) ON DELETE CASCADE,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    occasion     INTEGER NOT NULL DEFAULT 0,
    subject_id   INTEGER,
    -- What was done: whether a mail was written and an event queued for the webhooks.
    mailed       INTEGER NOT NULL DEFAULT 0 CHECK (mailed IN (0, 1)),
    told         INTEGER NOT NULL DEFAULT 0 CHECK (told IN (0, 1)),
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (rule_id, customer_id, occasion)
) STRICT;
CREATE INDEX automation_runs_by_customer ON automation_runs (customer_id);

-- When staff marked an item arrived (it was expected, and reservations waited for it).
ALTER TABLE catalogue_items ADD COLUMN arrived_at TEXT;
