-- `UNIQUE (site_id, email)` dates from when emails were plain; the column holds the sealed
-- text, different every time it is written, so the index behind it never refused anything
-- (`customers_one_per_email (site_id, email_hash)` does) but cost every new customer a
-- write of ~95 random bytes (issue 32, items 5 and 6). SQLite's 0057 builds the table again.
ALTER TABLE customers DROP CONSTRAINT customers_site_id_email_key;
