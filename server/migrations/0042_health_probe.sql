-- `/healthz` commits a write here on each call: a server whose disk is full, whose file
-- system went read-only or whose write lock another process holds answers reads as usual,
-- so only a committed write tells the monitor the truth (issue 27). One row, overwritten.
CREATE TABLE health_probe (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    at  INTEGER NOT NULL
) STRICT;
