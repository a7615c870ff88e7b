-- The audit log is append-only, like the loyalty ledger (issue 26): no entry is changed or
-- removed through SQL, by Patron or by anyone with the database open. Only the links to a
-- removed staff account or site may be emptied (their ON DELETE SET NULL); the entry keeps
-- the staff member's email as it was.
CREATE TRIGGER audit_log_append_only_update
BEFORE UPDATE OF id, at, staff_email, action, customer_id, detail ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_append_only_delete
BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
