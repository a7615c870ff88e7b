-- The audit log learns what is done from the command line on the server: a restore
-- (which replaces everything, the log included, so its entry is written into the restored
-- database) and a key rotation; `patron backup` logs 'backed_up' like the admin's button.
-- Their staff_email is 'command line' and staff_id NULL. SQLite changes a CHECK only by
-- rebuilding the table.
CREATE TABLE audit_log_new (
    id           INTEGER PRIMARY KEY,
    at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    staff_id     INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    staff_email  TEXT    NOT NULL,
    action       TEXT    NOT NULL CHECK (action IN ('viewed_customer', 'exported', 'printed_labels', 'merged',
                                                    'unmerged', 'imported', 'changed_settings', 'changed_staff',
                                                    'backed_up', 'exported_customer_data', 'erased_customer',
                                                    'changed_do_not_sell', 'restored_backup', 'rotated_key')),
    site_id      INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    customer_id  INTEGER,
    detail       TEXT    NOT NULL DEFAULT '' CHECK (length(detail) <= 500)
) STRICT;
INSERT INTO audit_log_new SELECT id, at, staff_id, staff_email, action, site_id, customer_id, detail FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE INDEX audit_log_by_customer ON audit_log (customer_id, id) WHERE customer_id IS NOT NULL;
CREATE INDEX audit_log_by_action ON audit_log (action, id);
