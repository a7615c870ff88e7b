-- The widgets of a site that ask for a postal address (signup, reservation, warranty), and
-- how: optional or required. A widget without a row asks for none, as every widget did
-- before. Apart from site_widgets, so switching a widget off and on keeps its choice.
CREATE TABLE site_address_modes (
    site_id  INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    widget   TEXT    NOT NULL CHECK (widget IN ('signup', 'reservation', 'warranty')),
    mode     TEXT    NOT NULL CHECK (mode IN ('optional', 'required')),
    PRIMARY KEY (site_id, widget)
) STRICT;
