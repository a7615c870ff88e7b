-- The staff admin, part 1: the full customer record with its change history, purchases at
-- the till, interactions, tags, and staff invitations.

-- Contact and demographic fields the record shows besides those of 0001 and 0005.
ALTER TABLE customers ADD COLUMN job_title TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN company   TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN gender    TEXT CHECK (gender IN ('female', 'male', 'diverse', 'rather_not_say'));
ALTER TABLE customers ADD COLUMN interests TEXT NOT NULL DEFAULT '';
-- Where the customer came from: the widget that created them, 'till', 'admin', 'import'.
ALTER TABLE customers ADD COLUMN source    TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN notes     TEXT NOT NULL DEFAULT '';

-- Every site keeps its money in one currency (ISO 4217); purchases copy it.
ALTER TABLE sites ADD COLUMN currency TEXT NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3);

-- Every change a staff member made to a record: who, when, the old and the new value.
-- Append-only; it is the record's history.
CREATE TABLE customer_changes (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    staff_id     INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    field        TEXT    NOT NULL,
    old_value    TEXT,
    new_value    TEXT,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX customer_changes_by_customer ON customer_changes (customer_id, id DESC);

CREATE TABLE customer_tags (
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    tag          TEXT    NOT NULL CHECK (length(tag) BETWEEN 1 AND 40),
    PRIMARY KEY (customer_id, tag)
) STRICT;
CREATE INDEX customer_tags_by_tag ON customer_tags (tag);

-- A sale at the till. Money in integer minor units (cents); total = subtotal - discount,
-- kept as columns so reports never add up floats, and checked here so they never disagree.
CREATE TABLE purchases (
    id              INTEGER PRIMARY KEY,
    site_id         INTEGER NOT NULL REFERENCES sites(id),
    customer_id     INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    staff_id        INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    currency        TEXT    NOT NULL CHECK (length(currency) = 3),
    subtotal_minor  INTEGER NOT NULL CHECK (subtotal_minor >= 0),
    discount_minor  INTEGER NOT NULL DEFAULT 0 CHECK (discount_minor BETWEEN 0 AND subtotal_minor),
    total_minor     INTEGER NOT NULL CHECK (total_minor = subtotal_minor - discount_minor),
    payment_method  TEXT    NOT NULL CHECK (payment_method IN ('cash', 'card', 'mobile', 'invoice', 'voucher', 'other')),
    created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX purchases_by_customer ON purchases (customer_id, created_at);
CREATE INDEX purchases_by_site_time ON purchases (site_id, created_at);

CREATE TABLE purchase_items (
    purchase_id       INTEGER NOT NULL REFERENCES purchases(id) ON DELETE CASCADE,
    line              INTEGER NOT NULL CHECK (line >= 1),
    item_id           INTEGER REFERENCES catalogue_items(id),
    description       TEXT    NOT NULL,
    quantity          INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 9999),
    unit_price_minor  INTEGER NOT NULL CHECK (unit_price_minor >= 0),
    line_total_minor  INTEGER NOT NULL CHECK (line_total_minor = quantity * unit_price_minor),
    PRIMARY KEY (purchase_id, line)
) STRICT;
CREATE INDEX purchase_items_by_item ON purchase_items (item_id);

-- A call, a visit in the shop, a complaint, a question: logged by staff on the record.
CREATE TABLE interactions (
    id           INTEGER PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    staff_id     INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('call', 'visit', 'complaint', 'question', 'email', 'other')),
    summary      TEXT    NOT NULL,
    outcome      TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX interactions_by_customer ON interactions (customer_id, id DESC);

-- An invitation to join the staff: the owner is shown a one-time link holding a random
-- token; only its SHA-256 is stored. Used once, or expired, it is dead.
CREATE TABLE staff_invites (
    token_hash  TEXT    PRIMARY KEY,
    email       TEXT    NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
    invited_by  INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at  TEXT    NOT NULL,
    used_at     TEXT
) STRICT;

-- Lookup as you type at the till searches every site by prefix: these indexes turn each
-- prefix into a range scan instead of a scan of the whole table.
CREATE INDEX customers_by_email ON customers (email);
CREATE INDEX customers_by_phone_any_site ON customers (phone);
CREATE INDEX customers_by_last_name ON customers (last_name COLLATE NOCASE);
CREATE INDEX customers_by_first_name ON customers (first_name COLLATE NOCASE);

-- The dashboard's counts of today's rows and of open reservations.
CREATE INDEX customers_by_created ON customers (created_at);
CREATE INDEX purchases_by_time ON purchases (created_at);
CREATE INDEX interactions_by_time ON interactions (created_at);
CREATE INDEX reservations_open ON reservations (item_id, created_at) WHERE status = 'open';
