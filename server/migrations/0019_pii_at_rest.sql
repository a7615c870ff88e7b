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

-- The indexes follow the sealed values through these triggers, so no write path (widgets,
-- till, import, record edits, merge and undo, the sweep that seals old rows at start) can
-- forget one. pii_* are functions every Patron connection registers. A plain value (only
-- there between an upgrade and that sweep) gets no index until it is sealed.
CREATE TRIGGER customers_index_new AFTER INSERT ON customers BEGIN
    UPDATE customers SET
        email_hash = CASE WHEN pii_is_sealed(NEW.email) THEN pii_hash('email', pii_open(NEW.email)) END,
        email_prefix = CASE WHEN pii_is_sealed(NEW.email) THEN pii_prefix(pii_open(NEW.email), 3) END,
        phone_hash = CASE WHEN pii_is_sealed(NEW.phone) THEN pii_hash('phone', pii_open(NEW.phone)) END,
        phone_prefix = CASE WHEN pii_is_sealed(NEW.phone) THEN pii_prefix(pii_open(NEW.phone), 6) END,
        first_name_prefix = CASE WHEN pii_is_sealed(NEW.first_name) THEN pii_prefix(pii_open(NEW.first_name), 3) END,
        last_name_prefix = CASE WHEN pii_is_sealed(NEW.last_name) THEN pii_prefix(pii_open(NEW.last_name), 3) END
    WHERE id = NEW.id;
END;
CREATE TRIGGER customers_index_email AFTER UPDATE OF email ON customers BEGIN
    UPDATE customers SET
        email_hash = CASE WHEN pii_is_sealed(NEW.email) THEN pii_hash('email', pii_open(NEW.email)) END,
        email_prefix = CASE WHEN pii_is_sealed(NEW.email) THEN pii_prefix(pii_open(NEW.email), 3) END
    WHERE id = NEW.id;
END;
CREATE TRIGGER customers_index_phone AFTER UPDATE OF phone ON customers BEGIN
    UPDATE customers SET
        phone_hash = CASE WHEN pii_is_sealed(NEW.phone) THEN pii_hash('phone', pii_open(NEW.phone)) END,
        phone_prefix = CASE WHEN pii_is_sealed(NEW.phone) THEN pii_prefix(pii_open(NEW.phone), 6) END
    WHERE id = NEW.id;
END;
CREATE TRIGGER customers_index_first_name AFTER UPDATE OF first_name ON customers BEGIN
    UPDATE customers SET
        first_name_prefix = CASE WHEN pii_is_sealed(NEW.first_name) THEN pii_prefix(pii_open(NEW.first_name), 3) END
    WHERE id = NEW.id;
END;
CREATE TRIGGER customers_index_last_name AFTER UPDATE OF last_name ON customers BEGIN
    UPDATE customers SET
        last_name_prefix = CASE WHEN pii_is_sealed(NEW.last_name) THEN pii_prefix(pii_open(NEW.last_name), 3) END
    WHERE id = NEW.id;
END;
