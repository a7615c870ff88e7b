-- The shop's side of the widgets: a catalogue of items, reservations, favourites, and the
-- link between a browser and the customer who identified on it.

-- What a shop sells and lets customers reserve or save. Money is integer minor units
-- (cents) with the currency beside it, never floating point.
CREATE TABLE catalogue_items (
    id              INTEGER PRIMARY KEY,
    site_id         INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    sku             TEXT    NOT NULL CHECK (length(sku) BETWEEN 1 AND 64),
    name            TEXT    NOT NULL,
    price_minor     INTEGER NOT NULL CHECK (price_minor >= 0),
    currency        TEXT    NOT NULL CHECK (length(currency) = 3),
    -- When a reservable item is expected in stock (a date), if it is not in stock now.
    stock_expected  TEXT,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (site_id, sku)
) STRICT;

CREATE TABLE reservations (
    id           INTEGER PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id),
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    item_id      INTEGER NOT NULL REFERENCES catalogue_items(id),
    quantity     INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    note         TEXT    NOT NULL DEFAULT '',
    status       TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'cancelled')),
    page_url     TEXT    NOT NULL,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX reservations_by_customer ON reservations (customer_id);
CREATE INDEX reservations_by_item_status ON reservations (item_id, status);

-- Items a known customer saved. Anonymous visitors' favourites live only in their browser
-- until they identify; then they are attached here (the primary key prevents duplicates).
CREATE TABLE favourites (
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    item_id      INTEGER NOT NULL REFERENCES catalogue_items(id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (customer_id, item_id)
) STRICT;

-- A browser on which a customer identified (signed up, reserved), so its later favourites
-- reach their record. The browser keeps a random token; only its SHA-256 is stored here.
CREATE TABLE visitor_links (
    token_hash   TEXT    PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX visitor_links_by_customer ON visitor_links (customer_id);

-- The demo bakery's goods; the panettone is reservable before it is baked.
INSERT INTO catalogue_items (site_id, sku, name, price_minor, currency, stock_expected) VALUES
  (1, 'SOURDOUGH', 'Sourdough loaf', 520, 'EUR', NULL),
  (1, 'CINNAMON-BUN', 'Cinnamon bun', 310, 'EUR', NULL),
  (1, 'RYE', 'Rye bread', 460, 'EUR', NULL),
  (1, 'PANETTONE', 'Christmas panettone', 2450, 'EUR', '2026-12-10');
