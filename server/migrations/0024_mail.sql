-- Email: the outbox becomes a durable send queue for a mail server (PATRON_SMTP_URL), mail
-- templates per site and language, and double opt-in for the newsletter.

-- A mail is tried until it is sent, with a growing pause between tries, and given up after
-- too many (`failed_at`). A server claims a mail by moving `next_attempt_at` past the time
-- a try can take, so two servers never send one mail at once and a server that dies while
-- sending leaves it to be tried again. `next_attempt_at` NULL: never to be sent by a mail
-- server (mails written before this migration, which staff passed on by hand).
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'privacy_link';
ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
ALTER TABLE outbox ADD COLUMN failed_at TEXT;
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;

-- A site's own wording of a mail Patron sends, per language. Without a row, Patron's
-- wording in that language is used. `kind` is checked by the code (more kinds come with
-- automation; a CHECK here would need a table rebuild for each).
CREATE TABLE mail_templates (
    site_id     INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    language    TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (site_id, kind, language)
) STRICT;

-- Double opt-in, per site: when on, a newsletter signup is stored only once the address's
-- owner opens the link mailed to it, within `confirm_hours`. Sites without a row: off.
CREATE TABLE newsletter_settings (
    site_id        INTEGER PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
    double_opt_in  INTEGER NOT NULL DEFAULT 0 CHECK (double_opt_in IN (0, 1)),
    confirm_hours  INTEGER NOT NULL DEFAULT 72 CHECK (confirm_hours BETWEEN 1 AND 720),
    updated_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Signups waiting for their confirmation. `form` is the widget's form as sent (JSON,
-- sealed: it holds the name and address), stored again through the same code once
-- confirmed. Nothing of it is a customer yet: an address typed by someone else never
-- becomes one. Expired rows are deleted by the retention job.
CREATE TABLE pending_signups (
    id            INTEGER PRIMARY KEY,
    site_id       INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    form          TEXT    NOT NULL,
    -- The browser that signed up: it is linked to the customer once confirmed.
    visitor_hash  TEXT    NOT NULL,
    -- The language of the consent wording shown: the mail and the link's page speak it.
    language      TEXT    NOT NULL,
    requested_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at    TEXT    NOT NULL
) STRICT;
CREATE INDEX pending_signups_by_expiry ON pending_signups (expires_at);
-- The confirmation mail goes with its signup, confirmed or expired: it holds the address.
ALTER TABLE outbox ADD COLUMN pending_signup_id INTEGER REFERENCES pending_signups(id) ON DELETE CASCADE;
CREATE INDEX outbox_by_pending_signup ON outbox (pending_signup_id) WHERE pending_signup_id IS NOT NULL;

-- A consent given by double opt-in keeps both times (`requested_at`: the signup,
-- `created_at`: the confirmation) and the keyed hash of the address that confirmed it.
ALTER TABLE consents ADD COLUMN requested_at TEXT;
ALTER TABLE consents ADD COLUMN confirm_ip_hash TEXT;
