-- Query parameters a site keeps in the paths of its page views (`q` of a search page,
-- `page` of a list), space-separated, in the order the admin listed them. Any other
-- parameter is dropped before storing: queries can hold emails, tokens, search terms.
ALTER TABLE sites ADD COLUMN kept_query_params TEXT NOT NULL DEFAULT '';
