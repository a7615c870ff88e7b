-- Failed staff sign-ins of the last minutes, so a guessing run is refused before argon2
-- is asked (each check costs ~19 MiB and tens of milliseconds). In the database, not in
-- memory: every Patron server counts the same failures. Neither the email typed nor the
-- address is kept: `account` and `network` are SHA-256 hashes of them.
CREATE TABLE login_failures (
    id       INTEGER PRIMARY KEY,
    account  TEXT NOT NULL CHECK (length(account) = 64),
    network  TEXT NOT NULL CHECK (length(network) = 64),
    at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX login_failures_by_account ON login_failures (account, at);
CREATE INDEX login_failures_by_network ON login_failures (network, at);
CREATE INDEX login_failures_by_time ON login_failures (at);
