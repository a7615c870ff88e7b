-- Segments test the plain demographic fields most often: "women who spent over 500 in the
-- last 30 days", "men per region". With these indexes SQLite checks the field of each
-- customer a spend window names in the index (a few MB at a million customers) instead of
-- in the customer's row (600 MB with the sealed names: the example segment read 58k rows,
-- nearly each on a page of its own). NOCASE, as segments compare them
-- (admin::segments::sql).
CREATE INDEX customers_by_gender ON customers (site_id, gender COLLATE NOCASE);
CREATE INDEX customers_by_region ON customers (site_id, region COLLATE NOCASE);
