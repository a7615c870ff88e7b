-- Limits on the public paths that mail or write (issue 26), counted in the database so every
-- Patron server agrees.

-- Each mail's recipient as a keyed hash (the address itself stays sealed in `to_address`),
-- so the mails sent to one address lately can be counted whatever their kind: a stranger
-- cannot make the shop mail someone more than a few times an hour.
ALTER TABLE outbox ADD COLUMN to_hash BLOB;
CREATE INDEX outbox_by_recipient ON outbox (to_hash, created_at) WHERE to_hash IS NOT NULL;

-- A marketing mail's one-click unsubscribe link, sent as its List-Unsubscribe header.
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;

-- Posts to public pages per client network (a hash of it) and fixed window: `n` so far.
-- A window's row is written only while under its limit, so a flood past it writes nothing.
CREATE TABLE rate_counts (
    bucket       TEXT    NOT NULL,
    window_start INTEGER NOT NULL,
    n            INTEGER NOT NULL,
    PRIMARY KEY (bucket, window_start)
) STRICT, WITHOUT ROWID;
