-- Several Patron servers may share one database (docs/postgres.md): the work each does on
-- a timer (retention, the analytics' daily sums, automation) runs on one of them per
-- period. A server takes a job's lease for the period; another finds it held and skips
-- the tick. `holder` names the server process; `until` is when the lease ends (UTC text
-- as every time here), so a server that died mid-job frees it when the period is over.
CREATE TABLE job_leases (
    name    TEXT NOT NULL PRIMARY KEY,
    holder  TEXT NOT NULL,
    until   TEXT NOT NULL
) STRICT;
