-- The site each staff member last chose in the admin's frame. A page that names no site
-- shows this one (else the first by name), so nobody types a site key, and a shop without
-- the demo site does not open on a site that is not there.
ALTER TABLE staff_users ADD COLUMN site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL;
