-- Warranty registration: the card a shop puts in the box, online.

CREATE TABLE warranty_registrations (
    id             INTEGER PRIMARY KEY,
    site_id        INTEGER NOT NULL REFERENCES sites(id),
    customer_id    INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    item_id        INTEGER NOT NULL REFERENCES catalogue_items(id),
    serial_number  TEXT    NOT NULL,
    purchase_date  TEXT    NOT NULL CHECK (purchase_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    page_url       TEXT    NOT NULL,
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- One registration per physical product: the same serial of the same item twice is
    -- a typing mistake or someone else's product.
    UNIQUE (site_id, item_id, serial_number)
) STRICT;
CREATE INDEX warranty_by_customer ON warranty_registrations (customer_id);

-- The demo bakery sells one thing with a warranty: its bread slicer.
INSERT INTO catalogue_items (site_id, sku, name, price_minor, currency) VALUES
  (1, 'SLICER-2', 'Home bread slicer', 8900, 'EUR');
