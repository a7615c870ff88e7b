-- Products and a shop's past purchases come in through the same upload, mapping, dry run
-- and progress as customers (issue 29). `kind` says what an import's rows are.
ALTER TABLE imports ADD COLUMN kind TEXT NOT NULL DEFAULT 'customers'
    CHECK (kind IN ('customers', 'products', 'purchases'));
-- Rows left out because staff chose "import the valid rows" of a file with bad ones.
ALTER TABLE imports ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;

-- A purchase brought in from the history of an old till or web shop names its import: the
-- record can say so, and an import can be told apart from sales made here. Its order
-- number is `external_id`, whose UNIQUE (site_id, external_id) index (migration 0026) makes
-- importing a file again change nothing.
ALTER TABLE purchases ADD COLUMN import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;

-- Years of old sales are not news to a connected system: an imported purchase sends no
-- `purchase.created` webhook (migration 0025's trigger, made again with that condition).
DROP TRIGGER webhook_purchase_created;
CREATE TRIGGER webhook_purchase_created AFTER INSERT ON purchases
WHEN NEW.import_id IS NULL
 AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.site_id = NEW.site_id AND e.active = 1
             AND instr(',' || e.events || ',', ',purchase.created,') > 0)
BEGIN
    INSERT INTO webhook_events (site_id, type, subject_id, customer_id)
    VALUES (NEW.site_id, 'purchase.created', NEW.id, NEW.customer_id);
END;
