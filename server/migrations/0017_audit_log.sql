-- Who on the staff looked at or changed what: customer records viewed, exports and
-- labels, merges, imports, settings, staff and backups. Append-only; the owner reads it.
-- `staff_email` is kept as it was, so the entry outlives a removed account; `customer_id`
-- has no foreign key, so an entry outlives an erased customer (it names no personal data:
-- `detail` holds counts, column names, setting names, never contact data).
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    staff_id     INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    staff_email  TEXT    NOT NULL,
    action       TEXT    NOT NULL CHECK (action IN ('viewed_customer', 'exported', 'printed_labels', 'merged',
                                                    'unmerged', 'imported', 'changed_settings', 'changed_staff',
                                                    'backed_up')),
    site_id      INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    customer_id  INTEGER,
    detail       TEXT    NOT NULL DEFAULT '' CHECK (length(detail) <= 500)
) STRICT;
CREATE INDEX audit_log_by_customer ON audit_log (customer_id, id) WHERE customer_id IS NOT NULL;
CREATE INDEX audit_log_by_action ON audit_log (action, id);
