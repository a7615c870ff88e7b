-- Duplicates: pairs staff said are two people, and the log of merges with what each moved,
-- so a merge can be undone.

-- "Not a duplicate": the finder stops proposing this pair. low_id < high_id.
CREATE TABLE duplicate_dismissals (
    site_id     INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    low_id      INTEGER NOT NULL,
    high_id     INTEGER NOT NULL,
    staff_id    INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (site_id, low_id, high_id),
    CHECK (low_id < high_id)
) STRICT;

-- One merge of `source_id` into `target_id`. The source's customer row is deleted by the
-- merge, so it is kept here whole (`source_row`, JSON), with the target's fields the merge
-- filled (`filled`: {column: [before, after]}), the rows it moved to the target
-- (`moved`: {table: [rowid...]}) and the rows it dropped because the target had them
-- already (`dropped`: {table: [row...]}, a favourite or a tag both had).
-- `undone_at` is set when the merge was undone. The source's personal data lives here
-- until then: erasure (issue 8) must clear it too.
CREATE TABLE customer_merges (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    target_id   INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    source_id   INTEGER NOT NULL,
    staff_id    INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    source_row  TEXT    NOT NULL,
    filled      TEXT    NOT NULL,
    moved       TEXT    NOT NULL,
    dropped     TEXT    NOT NULL,
    -- Earlier merges into the source, re-pointed at the target ([id...]); undo points
    -- them back.
    repointed   TEXT    NOT NULL,
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    undone_at   TEXT
) STRICT;
CREATE INDEX customer_merges_by_site ON customer_merges (site_id, id DESC);
