-- Guards on the admin's front door (issue 26).

-- First run: the owner is created only with a one-time set-up code that Patron prints when
-- it starts without any staff (several servers may each print one; any works once). Only
-- the SHA-256 of the code is kept; creating the owner removes every code.
CREATE TABLE setup_tokens (
    token_hash  TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    expires_at  TEXT NOT NULL
) STRICT;

-- Browsers a staff member signed in on before: their sign-ins are not refused when strangers
-- elsewhere have used up the account's allowance of failures, so nobody can lock a named
-- account out. The cookie holds a random token; the database keeps its SHA-256.
CREATE TABLE staff_devices (
    token_hash  TEXT    PRIMARY KEY CHECK (length(token_hash) = 64),
    staff_id    INTEGER NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX staff_devices_by_staff ON staff_devices (staff_id);

-- Sign-in attempts are now counted before the password is checked (a row is written first
-- and removed when the password was right), per account and network together as well.
CREATE INDEX login_failures_by_account_network ON login_failures (account, network, at);
