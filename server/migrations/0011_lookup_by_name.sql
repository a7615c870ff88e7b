-- Lookup as you type walks each index in order and stops at the first matches (LIMIT per
-- branch) instead of sorting every customer whose name begins with "sm": with the other
-- name in each index, the first matches of a branch are also the first by full name.
DROP INDEX customers_by_last_name;
DROP INDEX customers_by_first_name;
CREATE INDEX customers_by_name ON customers (last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX customers_by_first_name ON customers (first_name COLLATE NOCASE, last_name COLLATE NOCASE);
