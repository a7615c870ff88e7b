-- The REST API for server-to-server use (a web shop pushing its orders, a mail tool pulling
-- its list): keys per site with scopes, created and revoked by the owner.

-- A key is shown once, when made; only its SHA-256 is kept, and its first characters so
-- staff can tell keys apart. `scopes`: comma-separated (`customers:read,purchases:write`).
CREATE TABLE api_keys (
    id            INTEGER PRIMARY KEY,
    site_id       INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    key_hash      TEXT    NOT NULL UNIQUE,
    prefix        TEXT    NOT NULL,
    scopes        TEXT    NOT NULL,
    created_by    INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- Updated at most once a minute, so reading through the API is not a write per call.
    last_used_at  TEXT,
    revoked_at    TEXT
) STRICT;
CREATE INDEX api_keys_by_site ON api_keys (site_id);

-- A web shop's own order number: pushing the same order again finds the purchase stored
-- the first time instead of counting it twice.
ALTER TABLE purchases ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX purchases_by_external_id ON purchases (site_id, external_id) WHERE external_id IS NOT NULL;
