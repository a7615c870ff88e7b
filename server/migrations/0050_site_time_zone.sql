-- The site's clock: an IANA time zone name ("Europe/Helsinki") in which the admin writes
-- every moment and counts "today". Blank: the zone of the site's country
-- (`sites::clock`), else UTC.
ALTER TABLE sites ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
