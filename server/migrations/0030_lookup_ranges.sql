-- Lookup as you type reads index ranges instead of three-letter buckets: a prefix key now
-- carries one byte per further character (app::pii::cipher::PiiKey::prefix), so "maria"
-- reads the Marias, not every "mar…". The keys of the rows written before are dropped
-- here, and the sweep at start (server/src/pii, settle) works them out again in Rust. (This
-- file first worked them out in SQL; it was rewritten when that moved into Rust, 2026-12-04,
-- see server/src/db.rs, REWRITTEN.)
UPDATE customers SET email_prefix = NULL, phone_prefix = NULL, first_name_prefix = NULL, last_name_prefix = NULL;

-- A full name typed ("maria mül") reads the last-name range and keeps the first names that
-- match from the same index, without visiting the rows.
DROP INDEX customers_by_last_name_prefix;
CREATE INDEX customers_by_last_first_prefix ON customers (last_name_prefix, first_name_prefix);
