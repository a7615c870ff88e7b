-- "The history of every change" (issue 26): changes made by the customer on their own page,
-- by a widget (profile answers, a confirmed signup filling in a record) and through the REST
-- API are written to the history too, and each row says where it came from. Rows from before
-- were all made by staff.
ALTER TABLE customer_changes ADD COLUMN source TEXT NOT NULL DEFAULT 'staff'
    CHECK (source IN ('staff', 'customer', 'widget', 'api'));
