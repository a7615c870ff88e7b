-- Products a shop keeps itself (the Products page, the API, CSV import): until now the
-- catalogue held only the demo shop's rows, put there by migrations.
--
-- `name` stays the name in the site's default language; names in its other languages
-- are rows of `catalogue_item_names`. `active = 0` is "archived": still readable on the
-- purchases, reservations and favourites that point at it, no longer offered.
ALTER TABLE catalogue_items ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE catalogue_items ADD COLUMN image_url TEXT NOT NULL DEFAULT '';
ALTER TABLE catalogue_items ADD COLUMN updated_at TEXT;

CREATE TABLE catalogue_item_names (
    item_id   INTEGER NOT NULL REFERENCES catalogue_items(id) ON DELETE CASCADE,
    language  TEXT    NOT NULL CHECK (length(language) BETWEEN 2 AND 8),
    name      TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    PRIMARY KEY (item_id, language)
) STRICT;

-- The Products page lists a site's offered or archived products by name, a page at a time.
CREATE INDEX catalogue_items_by_name ON catalogue_items (site_id, active, name);

-- Webhooks `product.created` and `product.updated` (archiving is an update), written in
-- the transaction of the change as migration 0025's are.
CREATE TRIGGER webhook_product_created AFTER INSERT ON catalogue_items
WHEN EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.site_id = NEW.site_id AND e.active = 1
             AND instr(',' || e.events || ',', ',product.created,') > 0)
BEGIN
    INSERT INTO webhook_events (site_id, type, subject_id, customer_id)
    VALUES (NEW.site_id, 'product.created', NEW.id, NULL);
END;

CREATE TRIGGER webhook_product_updated AFTER UPDATE ON catalogue_items
WHEN EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.site_id = NEW.site_id AND e.active = 1
             AND instr(',' || e.events || ',', ',product.updated,') > 0)
BEGIN
    INSERT INTO webhook_events (site_id, type, subject_id, customer_id)
    VALUES (NEW.site_id, 'product.updated', NEW.id, NULL);
END;
