-- The analytics inbox (issue 32): ingest appends each accepted event here and answers
-- once that commit is done; a mover takes the events in order into `page_views`, the
-- custom events and the live sums, in large batches, deleting them here in the same
-- transaction. The table has no index but its key, so an append costs a few row writes
-- however many millions of views `page_views` holds.
--
-- `visitor` is the day's visitor key, as ingest computes it (the IP address and user
-- agent are never stored); `token_hash` is the hash of the browser's visitor token, turned
-- into a customer only when moved (so an erasure in between leaves the view unlinked);
-- `event` is the checked event as JSON (`analytics::event::Event`).
CREATE TABLE analytics_inbox (
    id           INTEGER PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    visitor      TEXT    NOT NULL,
    token_hash   TEXT,
    received_at  TEXT    NOT NULL,
    event        TEXT    NOT NULL
) STRICT;
