-- `customers_by_email_hash` repeated `customers_one_per_email (site_id, email_hash)` for
-- the two lookups of an address across sites (the till's search, a batch of signups);
-- they now name the sites (`site_id IN …`) and use that index. One index fewer for each
-- new customer to write (issue 32, item 5: signups are bound by the customers table's
-- index work).
DROP INDEX customers_by_email_hash;
