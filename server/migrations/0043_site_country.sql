-- The country a site is in (ISO 3166-1 alpha-2): national phone numbers typed on it are
-- read in its numbering plan and stored in E.164, so 0612345678 and +31 6 12345678 on a
-- Dutch site are one customer. NULL: not chosen yet; national numbers are kept as typed.
ALTER TABLE sites ADD COLUMN country TEXT CHECK (country IS NULL OR (length(country) = 2 AND country GLOB '[A-Z][A-Z]'));
-- The country the site's stored numbers were last read in. When it differs from
-- `country`, Patron rewrites the national numbers still stored (at start, and when the
-- country is saved: sites::phones::bring_up_to_date).
ALTER TABLE sites ADD COLUMN phones_read_in TEXT;

-- The demo bakery is in Utrecht.
UPDATE sites SET country = 'NL' WHERE id = 1 AND site_key = 'demo';
