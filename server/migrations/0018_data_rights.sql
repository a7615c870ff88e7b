-- Data-subject rights: the log of requests with their deadline, the tombstones erasures
-- leave, and the CCPA "do not sell or share" flag.

-- When the customer asked not to have their data sold or shared (NULL: they did not).
ALTER TABLE customers ADD COLUMN do_not_sell_at TEXT;

-- Every request a customer made about their data, from the admin (staff acting on a
-- letter, a call, a visit) or, later, from the self-service page. The law gives a month:
-- `due_at` is 30 days after it was received. `customer_id` has no foreign key, so the
-- request outlives the erasure it asked for.
CREATE TABLE privacy_requests (
    id           INTEGER PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    customer_id  INTEGER,
    kind         TEXT    NOT NULL CHECK (kind IN ('access', 'rectification', 'erasure', 'do_not_sell')),
    channel      TEXT    NOT NULL CHECK (channel IN ('admin', 'self_service')),
    state        TEXT    NOT NULL CHECK (state IN ('open', 'done', 'refused')),
    received_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    due_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+30 days')),
    done_at      TEXT,
    staff_id     INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    -- What was done, in words without personal data ("12 rows in 5 tables").
    outcome      TEXT    NOT NULL DEFAULT '' CHECK (length(outcome) <= 500),
    -- A self-service request is carried out from a one-time link mailed to the customer's
    -- address, proving they control it: the SHA-256 of its token, and until when it works.
    link_hash        TEXT UNIQUE,
    link_expires_at  TEXT
) STRICT;
CREATE INDEX privacy_requests_by_site ON privacy_requests (site_id, state, due_at);

-- Mail Patron sends to customers. Until a mail server is configured nothing leaves: staff
-- read the outbox in the admin and pass a link on themselves.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    customer_id  INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    request_id   INTEGER REFERENCES privacy_requests(id) ON DELETE CASCADE,
    to_address   TEXT    NOT NULL,
    subject      TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    sent_at      TEXT
) STRICT;
CREATE INDEX outbox_by_request ON outbox (request_id) WHERE request_id IS NOT NULL;

-- What is left of an erased customer: that they existed, when and by whom they were
-- erased, and how many rows of each table went (`removed`: {table: count}). Nothing here
-- identifies the person.
CREATE TABLE erasures (
    id           INTEGER PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    customer_id  INTEGER NOT NULL UNIQUE,
    staff_id     INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    request_id   INTEGER REFERENCES privacy_requests(id),
    removed      TEXT    NOT NULL,
    erased_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- The audit log learns three actions; SQLite changes a CHECK only by rebuilding the table.
CREATE TABLE audit_log_new (
    id           INTEGER PRIMARY KEY,
    at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    staff_id     INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    staff_email  TEXT    NOT NULL,
    action       TEXT    NOT NULL CHECK (action IN ('viewed_customer', 'exported', 'printed_labels', 'merged',
                                                    'unmerged', 'imported', 'changed_settings', 'changed_staff',
                                                    'backed_up', 'exported_customer_data', 'erased_customer',
                                                    'changed_do_not_sell')),
    site_id      INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    customer_id  INTEGER,
    detail       TEXT    NOT NULL DEFAULT '' CHECK (length(detail) <= 500)
) STRICT;
INSERT INTO audit_log_new SELECT id, at, staff_id, staff_email, action, site_id, customer_id, detail FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE INDEX audit_log_by_customer ON audit_log (customer_id, id) WHERE customer_id IS NOT NULL;
CREATE INDEX audit_log_by_action ON audit_log (action, id);

-- Secrets every server shares (the key unsubscribe links are signed with), made on first
-- use. Hex-encoded random bytes.
CREATE TABLE server_secrets (
    name        TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
