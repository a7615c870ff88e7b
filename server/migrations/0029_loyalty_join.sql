-- Customers join the loyalty programme themselves (the `loyalty` widget) and see their own
-- page (`/p/SITEKEY/me`) from a one-time sign-in link mailed to them.

-- The loyalty widget joins the list a site switches on: the table is rebuilt for its CHECK.
-- Sites that exist get it on, as every site got every widget when the list began (0006);
-- it does nothing until a shop pastes its element into a page.
CREATE TABLE site_widgets_new (
    site_id  INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    widget   TEXT    NOT NULL CHECK (widget IN
               ('signup', 'reservation', 'favourites', 'reasons', 'nps', 'heard', 'warranty', 'profile', 'loyalty')),
    PRIMARY KEY (site_id, widget)
) STRICT;
INSERT INTO site_widgets_new (site_id, widget) SELECT site_id, widget FROM site_widgets;
DROP TABLE site_widgets;
ALTER TABLE site_widgets_new RENAME TO site_widgets;
INSERT INTO site_widgets (site_id, widget) SELECT id, 'loyalty' FROM sites;

-- How a card came to be: given by staff, or taken by the customer in the widget or on their
-- page. A customer who joins by themselves agrees to words shown to them: kept as shown,
-- with their language and the page, so the agreement can be proven like a consent.
ALTER TABLE loyalty_members ADD COLUMN joined_via TEXT NOT NULL DEFAULT 'staff'
    CHECK (joined_via IN ('staff', 'widget', 'my_page'));
ALTER TABLE loyalty_members ADD COLUMN agreed_text TEXT;
ALTER TABLE loyalty_members ADD COLUMN agreed_language TEXT;
ALTER TABLE loyalty_members ADD COLUMN agreed_page TEXT;

-- One-time sign-in links to a customer's own page: only the SHA-256 of the token is kept.
-- A link works once (`used_at`) and until `expires_at`.
CREATE TABLE customer_links (
    link_hash    TEXT    PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at   TEXT    NOT NULL,
    used_at      TEXT
) STRICT;
CREATE INDEX customer_links_by_customer ON customer_links (customer_id);

-- A customer signed in on their own page (the cookie holds the token, this its hash). In
-- the database, not in a server's memory, so any server of an install serves them.
CREATE TABLE customer_sessions (
    token_hash   TEXT    PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    customer_id  INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at   TEXT    NOT NULL
) STRICT;
CREATE INDEX customer_sessions_by_customer ON customer_sessions (customer_id);
