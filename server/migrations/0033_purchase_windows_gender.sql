-- "Women who spent over 500 in the last 30 days" (the segment the benchmark times) read a
-- spend window's index range (58k customers at a million) and then checked each one's
-- gender in the customers' gender index: 58k seeks, ~60 ms of CPU a count (170 ms p50 with
-- four staff counting on two cores, measured). With the gender kept beside the windows
-- and in their indexes, a filter that only tests gender and kept windows is counted from
-- one index range of the windows, without the customers (admin::segments::sql::
-- windows_only): 1–3 ms.
ALTER TABLE purchase_windows ADD COLUMN gender TEXT;
UPDATE purchase_windows SET gender = (SELECT gender FROM customers WHERE id = purchase_windows.customer_id);

-- The gender after the spend: the range is the spend, the gender is read in the index.
DROP INDEX purchase_windows_spent_7;
DROP INDEX purchase_windows_spent_30;
DROP INDEX purchase_windows_spent_90;
DROP INDEX purchase_windows_spent_365;
DROP INDEX purchase_windows_spent_ever;
CREATE INDEX purchase_windows_spent_7 ON purchase_windows (site_id, spent_7, gender COLLATE NOCASE);
CREATE INDEX purchase_windows_spent_30 ON purchase_windows (site_id, spent_30, gender COLLATE NOCASE);
CREATE INDEX purchase_windows_spent_90 ON purchase_windows (site_id, spent_90, gender COLLATE NOCASE);
CREATE INDEX purchase_windows_spent_365 ON purchase_windows (site_id, spent_365, gender COLLATE NOCASE);
CREATE INDEX purchase_windows_spent_ever ON purchase_windows (site_id, spent_ever, gender COLLATE NOCASE);

-- A customer's first purchase makes the row (the triggers of 0015; a full build writes the
-- gender itself); a change of gender follows.
CREATE TRIGGER purchase_windows_gender_new AFTER INSERT ON purchase_windows
WHEN NEW.gender IS NULL
BEGIN
    UPDATE purchase_windows SET gender = (SELECT gender FROM customers WHERE id = NEW.customer_id)
    WHERE customer_id = NEW.customer_id;
END;

CREATE TRIGGER purchase_windows_gender_changed AFTER UPDATE OF gender ON customers
WHEN OLD.gender IS NOT NEW.gender
BEGIN
    UPDATE purchase_windows SET gender = NEW.gender WHERE customer_id = NEW.id;
END;
