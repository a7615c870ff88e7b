-- The blind indexes of customers' sealed fields (0019) are worked out in Rust where the
-- fields are written (app::pii::blind): the key never goes to the database, which is what
-- lets another database server (PostgreSQL) hold Patron's data. The triggers that kept
-- them by calling the key through SQL functions go.
DROP TRIGGER IF EXISTS customers_index_new;
DROP TRIGGER IF EXISTS customers_index_email;
DROP TRIGGER IF EXISTS customers_index_phone;
DROP TRIGGER IF EXISTS customers_index_first_name;
DROP TRIGGER IF EXISTS customers_index_last_name;
