-- PII at rest (server/src/pii): customers' first and last name, email, phone and street
-- are sealed by Patron (XChaCha20-Poly1305, stored as text "pii1.…"), and so are the
-- values in their change history, uploaded import files while they wait, and the
-- addresses in the outbox. Postcode, city, region and country stay plain: segments,
-- reports and labels group by them, and without the street and the name they point at a
-- neighbourhood, not a person.
--
-- SQL finds sealed values by blind indexes (keyed hashes, under a key derived from the
-- same master key): the whole normalised email or phone, and a lookup bucket of the first
-- three letters of each name and of the email, and of the first six characters of the
-- phone, for lookup as you type.
ALTER TABLE customers ADD COLUMN email_hash BLOB;
ALTER TABLE customers ADD COLUMN phone_hash BLOB;
ALTER TABLE customers ADD COLUMN email_prefix BLOB;
ALTER TABLE customers ADD COLUMN phone_prefix BLOB;
ALTER TABLE customers ADD COLUMN first_name_prefix BLOB;
ALTER TABLE customers ADD COLUMN last_name_prefix BLOB;

-- Indexes over sealed text would order random bytes.
DROP INDEX customers_by_phone;
DROP INDEX customers_by_email;
DROP INDEX customers_by_phone_any_site;
DROP INDEX customers_by_name;
DROP INDEX customers_by_first_name;

-- One customer per email and site, as UNIQUE (site_id, email) ensured while emails were
-- plain (that constraint stays, but sealed texts always differ).
CREATE UNIQUE INDEX customers_one_per_email ON customers (site_id, email_hash);
CREATE INDEX customers_by_email_hash ON customers (email_hash);
CREATE INDEX customers_by_phone_hash ON customers (phone_hash, site_id);
CREATE INDEX customers_by_email_prefix ON customers (email_prefix);
CREATE INDEX customers_by_phone_prefix ON customers (phone_prefix);
CREATE INDEX customers_by_first_name_prefix ON customers (first_name_prefix);
CREATE INDEX customers_by_last_name_prefix ON customers (last_name_prefix);

-- Patron works out these indexes where it writes the values (app::pii::blind). This file
-- first kept them by triggers calling the key through SQL functions; it was rewritten when
-- they moved into Rust (2026-12-04, see server/src/db.rs, REWRITTEN), and 0052 drops the
-- triggers of databases made before.
