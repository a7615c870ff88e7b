-- CSV imports: the file as uploaded (in pieces), the column mapping staff chose, and the
-- progress of the import, so the page can show a progress bar and any server can answer.
-- `content` holds customer data: it is emptied once the import is done.
CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    staff_id    INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    file_name   TEXT    NOT NULL,
    content     TEXT    NOT NULL DEFAULT '',
    -- JSON array: the target field of each column, '' to skip it.
    mapping     TEXT,
    status      TEXT    NOT NULL DEFAULT 'uploading'
                CHECK (status IN ('uploading', 'running', 'done', 'failed')),
    total_rows  INTEGER NOT NULL DEFAULT 0,
    done_rows   INTEGER NOT NULL DEFAULT 0,
    created     INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    unchanged   INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
