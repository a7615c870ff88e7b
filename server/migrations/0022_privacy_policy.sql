-- Each site's privacy policy, as published: every version kept, so the one a consent was
-- given under can be shown again. Patron writes most of it from the site's settings (what
-- each enabled widget collects, how long things are kept); the owner adds who they are and
-- how to reach them. A change to either publishes a new version.
CREATE TABLE privacy_policies (
    id            INTEGER PRIMARY KEY,
    site_id       INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    version       INTEGER NOT NULL CHECK (version >= 1),
    -- The owner's own words (controller, contact), kept to write the next version from.
    owner_text    TEXT    NOT NULL DEFAULT '' CHECK (length(owner_text) <= 5000),
    -- The whole policy as published: JSON, [{heading, paragraphs: [{text, link}]}].
    body          TEXT    NOT NULL,
    published_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- Who published it; NULL when a settings change or the server did.
    staff_id      INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    UNIQUE (site_id, version)
) STRICT;

-- The policy version in force when a consent was given or withdrawn (NULL: from before
-- policies were versioned).
ALTER TABLE consents ADD COLUMN policy_version INTEGER;

-- Staff record consents given or withdrawn in person, by phone or by letter: who did.
ALTER TABLE consents ADD COLUMN staff_id INTEGER REFERENCES staff_users(id) ON DELETE SET NULL;
