-- "Do not sell or share" enforced (issue 26): an API key or a webhook endpoint the owner marks
-- as going to a third party (`shares`) gets nothing about customers who asked not to have
-- their data sold or shared. Keys and endpoints from before are the shop's own tools.
ALTER TABLE api_keys ADD COLUMN shares INTEGER NOT NULL DEFAULT 0 CHECK (shares IN (0, 1));
ALTER TABLE webhook_endpoints ADD COLUMN shares INTEGER NOT NULL DEFAULT 0 CHECK (shares IN (0, 1));
