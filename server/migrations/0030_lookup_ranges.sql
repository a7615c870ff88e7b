-- Lookup as you type reads index ranges instead of three-letter buckets: a prefix key now
-- carries one byte per further character (pii::cipher::PiiKey::prefix), so "maria" reads
-- the Marias, not every "mar…". The 0019 triggers keep computing the keys through
-- pii_prefix; the rows written before get theirs here. A plain value (before the sweep
-- that seals it at start) keeps no key, as in 0019.
UPDATE customers SET
    email_prefix = CASE WHEN pii_is_sealed(email) THEN pii_prefix(pii_open(email), 3) END,
    phone_prefix = CASE WHEN pii_is_sealed(phone) THEN pii_prefix(pii_open(phone), 6) END,
    first_name_prefix = CASE WHEN pii_is_sealed(first_name) THEN pii_prefix(pii_open(first_name), 3) END,
    last_name_prefix = CASE WHEN pii_is_sealed(last_name) THEN pii_prefix(pii_open(last_name), 3) END;

-- A full name typed ("maria mül") reads the last-name range and keeps the first names that
-- match from the same index, without visiting the rows.
DROP INDEX customers_by_last_name_prefix;
CREATE INDEX customers_by_last_first_prefix ON customers (last_name_prefix, first_name_prefix);
