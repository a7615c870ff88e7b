-- A typed email is a claim (issue 26): a reservation or warranty card typed with an address
-- that is already a customer's changes nothing on that record, so what the visitor typed
-- (first and last name, phone) is kept with the submission itself, sealed like the record's
-- contact fields (`pii1.` text of a JSON object). NULL on rows from before.
ALTER TABLE reservations ADD COLUMN typed_contact TEXT;
ALTER TABLE warranty_registrations ADD COLUMN typed_contact TEXT;
