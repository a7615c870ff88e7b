-- Loyalty: a site's programmes (a stamp card, or points per unit spent), the rewards they
-- offer, and an append-only ledger of what each customer earned, redeemed or was given.
-- A balance is always computed from the ledger (`app::loyalty::ledger`), never stored.
-- Changing a programme's rules changes what later purchases earn: an entry keeps the amount
-- and expiry it was given, so history is never rewritten.

CREATE TABLE loyalty_programmes (
    id               INTEGER PRIMARY KEY,
    site_id          INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    name             TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    kind             TEXT    NOT NULL CHECK (kind IN ('stamps', 'points')),
    -- Which purchases earn: at least this total (0: any) and, when not empty, only
    -- purchases of these SKUs (comma-separated). A stamp card gives one stamp per purchase,
    -- or with SKUs one per unit of them bought (the 10th coffee).
    min_total_minor  INTEGER NOT NULL DEFAULT 0 CHECK (min_total_minor >= 0),
    skus             TEXT    NOT NULL DEFAULT '',
    -- Points per whole unit of the currency spent (points programmes).
    points_per_unit  INTEGER NOT NULL DEFAULT 0 CHECK (points_per_unit BETWEEN 0 AND 1000),
    -- Days an earned stamp or point lasts; NULL: it never expires.
    expiry_days      INTEGER CHECK (expiry_days BETWEEN 1 AND 3650),
    -- A gift in the customer's birthday month, once a year ('' : none).
    birthday_reward  TEXT    NOT NULL DEFAULT '' CHECK (length(birthday_reward) <= 80),
    active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX loyalty_programmes_by_site ON loyalty_programmes (site_id);

-- A customer's card: the code staff scan (its QR code) or type at the till, 8 characters of
-- Crockford's base32 shown as XXXX-XXXX. One per customer, kept as long as they are.
CREATE TABLE loyalty_members (
    customer_id  INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
    site_id      INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    card_code    TEXT    NOT NULL CHECK (length(card_code) = 8),
    joined_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (site_id, card_code)
) STRICT;

-- What a balance buys: "Free coffee" for 10 stamps, "5 EUR off" for 500 points.
CREATE TABLE loyalty_rewards (
    id            INTEGER PRIMARY KEY,
    programme_id  INTEGER NOT NULL REFERENCES loyalty_programmes(id) ON DELETE CASCADE,
    name          TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    cost          INTEGER NOT NULL CHECK (cost BETWEEN 1 AND 1000000),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX loyalty_rewards_by_programme ON loyalty_rewards (programme_id);

-- Append-only: rows are never updated or deleted except with their customer (erasure) or
-- programme. `amount` is positive for what is earned or given, negative for what is
-- redeemed or taken away; a birthday gift is 0.
CREATE TABLE loyalty_ledger (
    id            INTEGER PRIMARY KEY,
    programme_id  INTEGER NOT NULL REFERENCES loyalty_programmes(id) ON DELETE CASCADE,
    customer_id   INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL CHECK (kind IN ('earn', 'redeem', 'adjust', 'birthday')),
    amount        INTEGER NOT NULL,
    -- earn: the purchase that earned it.
    purchase_id   INTEGER REFERENCES purchases(id) ON DELETE SET NULL,
    -- redeem, birthday: what was taken, named as it was then.
    reward_id     INTEGER REFERENCES loyalty_rewards(id) ON DELETE SET NULL,
    reward_name   TEXT,
    -- redeem, adjust: who did it; adjust: why.
    staff_id      INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    reason        TEXT,
    expires_at    TEXT,
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX loyalty_ledger_by_customer ON loyalty_ledger (customer_id, programme_id, id);
CREATE INDEX loyalty_ledger_by_purchase ON loyalty_ledger (purchase_id) WHERE purchase_id IS NOT NULL;
-- One birthday gift per programme, customer and year, even from two tills at once.
CREATE UNIQUE INDEX loyalty_birthday_once ON loyalty_ledger (programme_id, customer_id, substr(created_at, 1, 4))
    WHERE kind = 'birthday';

-- What an entry says cannot change. (A merge may move it to the customer kept, and a
-- deleted purchase, reward or staff member leaves it without that link.)
CREATE TRIGGER loyalty_ledger_append_only
BEFORE UPDATE OF programme_id, kind, amount, reward_name, reason, expires_at, created_at ON loyalty_ledger
BEGIN
    SELECT RAISE(ABORT, 'the loyalty ledger is append-only');
END;
