-- Foundation schema: sites, customers, consents, staff, sessions.
-- Never edit this file once it has landed: add a new numbered migration instead.
-- Times are UTC text in ISO 8601 with milliseconds ('2026-11-23T09:47:00.123Z'): they sort
-- as text, read well in a shell, and map to timestamptz when PostgreSQL comes.

-- A shop's website. `site_key` is public (it is in the embed snippet).
CREATE TABLE sites (
    id                  INTEGER PRIMARY KEY,
    site_key            TEXT    NOT NULL UNIQUE,
    name                TEXT    NOT NULL,
    privacy_policy_url  TEXT    NOT NULL,
    -- Language of the texts shown when a visitor's language has none of its own.
    default_language    TEXT    NOT NULL DEFAULT 'en',
    created_at          TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Origins (scheme://host[:port]) whose pages may call this site's widget endpoints.
-- The special value 'self' means the origin Patron itself is served on.
CREATE TABLE site_origins (
    site_id  INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    origin   TEXT    NOT NULL,
    PRIMARY KEY (site_id, origin)
) STRICT;

-- Every wording of a consent a site has ever shown, per purpose, version and language.
-- Rows are never updated: a new wording is a new version, so a consent record always
-- points at the exact text the customer saw.
CREATE TABLE consent_texts (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    purpose     TEXT    NOT NULL CHECK (purpose IN ('newsletter', 'post', 'sms', 'phone', 'profiling')),
    version     INTEGER NOT NULL CHECK (version > 0),
    language    TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (site_id, purpose, version, language)
) STRICT;

-- One row per person per site. Email is stored normalised (trimmed, lower case) and is the
-- identity a widget matches on; phone is normalised for lookup at the till.
CREATE TABLE customers (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES sites(id),
    first_name  TEXT    NOT NULL DEFAULT '',
    last_name   TEXT    NOT NULL DEFAULT '',
    email       TEXT,
    phone       TEXT,
    street      TEXT    NOT NULL DEFAULT '',
    city        TEXT    NOT NULL DEFAULT '',
    region      TEXT    NOT NULL DEFAULT '',
    postcode    TEXT    NOT NULL DEFAULT '',
    country     TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (site_id, email)
) STRICT;
CREATE INDEX customers_by_site_newest ON customers (site_id, id DESC);
CREATE INDEX customers_by_phone ON customers (site_id, phone);

-- Consent events, append-only: the state for a purpose is the newest row. `body` copies
-- the exact wording shown (from consent_texts) so the record stands on its own.
CREATE TABLE consents (
    id               INTEGER PRIMARY KEY,
    customer_id      INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    purpose          TEXT    NOT NULL CHECK (purpose IN ('newsletter', 'post', 'sms', 'phone', 'profiling')),
    granted          INTEGER NOT NULL CHECK (granted IN (0, 1)),
    consent_text_id  INTEGER REFERENCES consent_texts(id),
    body             TEXT    NOT NULL,
    text_version     INTEGER NOT NULL,
    language         TEXT    NOT NULL,
    -- Where it was given: the page (origin and path, no query string) or 'admin'.
    page_url         TEXT    NOT NULL,
    source           TEXT    NOT NULL,
    created_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX consents_by_customer ON consents (customer_id, purpose, id DESC);

-- Staff accounts of this Patron install. `password_hash` is an argon2id PHC string.
CREATE TABLE staff_users (
    id             INTEGER PRIMARY KEY,
    email          TEXT    NOT NULL UNIQUE,
    password_hash  TEXT    NOT NULL,
    role           TEXT    NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Signed-in staff. The cookie holds a random token; only its SHA-256 is stored here, so a
-- copy of the database does not let anyone sign in.
CREATE TABLE sessions (
    token_hash  TEXT    PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at  TEXT    NOT NULL
) STRICT;
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- The demo shop, so the widget works out of the box on /demo.
INSERT INTO sites (id, site_key, name, privacy_policy_url, default_language)
VALUES (1, 'demo', 'Demo Bakery', '/demo/privacy', 'en');
INSERT INTO site_origins (site_id, origin) VALUES (1, 'self');
INSERT INTO consent_texts (site_id, purpose, version, language, body) VALUES
  (1, 'newsletter', 1, 'en', 'Yes, send me news and offers from Demo Bakery by email. I can unsubscribe at any time.'),
  (1, 'newsletter', 1, 'de', 'Ja, schickt mir Neuigkeiten und Angebote der Demo Bakery per E-Mail. Ich kann mich jederzeit abmelden.');
