-- Webhooks: a site's endpoints, told of changes by a durable queue in this database.
--
-- Events are written by triggers, so every path that changes a customer (widgets, the till,
-- the record, imports, the API) tells the endpoints in the transaction of the change itself:
-- an event exists exactly when its change was committed. A trigger writes only when an
-- active endpoint of the site subscribes to the event, so a site without webhooks pays one
-- indexed look-up per write. Events name what changed (ids only); the body sent is built
-- from the rows as they are when it is sent, so no copy of a customer waits in the queue and
-- an erasure leaves none behind.

CREATE TABLE webhook_endpoints (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    url         TEXT    NOT NULL,
    -- Standard Webhooks secret, `whsec_` + base64 of 32 random bytes: the signing key.
    secret      TEXT    NOT NULL,
    -- The event types it wants, comma-separated (`customer.created,consent.changed`).
    events      TEXT    NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX webhook_endpoints_by_site ON webhook_endpoints (site_id) WHERE active = 1;

-- One change, sent to every endpoint subscribed when it happened. `subject_id` is the row the
-- type names (the customer, consent, purchase, reservation or answer).
CREATE TABLE webhook_events (
    id           INTEGER PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    type         TEXT    NOT NULL,
    subject_id   INTEGER NOT NULL,
    -- Erasing the customer removes their events not yet sent (`customer.erased` has none).
    customer_id  INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX webhook_events_by_time ON webhook_events (created_at);
CREATE INDEX webhook_events_by_customer ON webhook_events (customer_id) WHERE customer_id IS NOT NULL;

-- One event for one endpoint: tried until the endpoint answers 2xx, with growing pauses,
-- claimed by a server before each try like the outbox's mails.
CREATE TABLE webhook_deliveries (
    id               INTEGER PRIMARY KEY,
    event_id         INTEGER NOT NULL REFERENCES webhook_events(id) ON DELETE CASCADE,
    endpoint_id      INTEGER NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT,
    delivered_at     TEXT,
    failed_at        TEXT,
    -- The endpoint's last answer: its HTTP status, or why there was none.
    last_status      INTEGER,
    last_error       TEXT,
    last_attempt_at  TEXT
) STRICT;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, id DESC);
CREATE INDEX webhook_deliveries_by_event ON webhook_deliveries (event_id);

CREATE TRIGGER webhook_events_deliver AFTER INSERT ON webhook_events
BEGIN
    INSERT INTO webhook_deliveries (event_id, endpoint_id, next_attempt_at)
    SELECT NEW.id, e.id, NEW.created_at FROM webhook_endpoints e
    WHERE e.site_id = NEW.site_id AND e.active = 1 AND instr(',' || e.events || ',', ',' || NEW.type || ',') > 0;
END;

-- The events. Each WHEN asks whether anyone listens before writing anything.
CREATE TRIGGER webhook_customer_created AFTER INSERT ON customers
WHEN EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.site_id = NEW.site_id AND e.active = 1
             AND instr(',' || e.events || ',', ',customer.created,') > 0)
BEGIN
    INSERT INTO webhook_events (site_id, type, subject_id, customer_id)
    VALUES (NEW.site_id, 'customer.created', NEW.id, NEW.id);
END;

-- The fields a person would call "their details"; the blind indexes and bookkeeping
-- columns are left out, so keeping those up to date tells no one.
CREATE TRIGGER webhook_customer_updated AFTER UPDATE OF
    first_name, last_name, email, phone, street, city, region, postcode, country, birthday, household_size,
    income_range, occupation, preferred_channel, job_title, company, gender, interests, notes, do_not_sell_at
ON customers
WHEN EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.site_id = NEW.site_id AND e.active = 1
             AND instr(',' || e.events || ',', ',customer.updated,') > 0)
BEGIN
    INSERT INTO webhook_events (site_id, type, subject_id, customer_id)
    VALUES (NEW.site_id, 'customer.updated', NEW.id, NEW.id);
END;

CREATE TRIGGER webhook_customer_erased AFTER INSERT ON erasures
WHEN EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.site_id = NEW.site_id AND e.active = 1
             AND instr(',' || e.events || ',', ',customer.erased,') > 0)
BEGIN
    INSERT INTO webhook_events (site_id, type, subject_id, customer_id)
    VALUES (NEW.site_id, 'customer.erased', NEW.customer_id, NULL);
END;

CREATE TRIGGER webhook_consent_changed AFTER INSERT ON consents
WHEN EXISTS (SELECT 1 FROM webhook_endpoints e JOIN customers c ON c.site_id = e.site_id
             WHERE c.id = NEW.customer_id AND e.active = 1
             AND instr(',' || e.events || ',', ',consent.changed,') > 0)
BEGIN
    INSERT INTO webhook_events (site_id, type, subject_id, customer_id)
    SELECT site_id, 'consent.changed', NEW.id, NEW.customer_id FROM customers WHERE id = NEW.customer_id;
END;

CREATE TRIGGER webhook_purchase_created AFTER INSERT ON purchases
WHEN EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.site_id = NEW.site_id AND e.active = 1
             AND instr(',' || e.events || ',', ',purchase.created,') > 0)
BEGIN
    INSERT INTO webhook_events (site_id, type, subject_id, customer_id)
    VALUES (NEW.site_id, 'purchase.created', NEW.id, NEW.customer_id);
END;

CREATE TRIGGER webhook_reservation_created AFTER INSERT ON reservations
WHEN EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.site_id = NEW.site_id AND e.active = 1
             AND instr(',' || e.events || ',', ',reservation.created,') > 0)
BEGIN
    INSERT INTO webhook_events (site_id, type, subject_id, customer_id)
    VALUES (NEW.site_id, 'reservation.created', NEW.id, NEW.customer_id);
END;

CREATE TRIGGER webhook_reservation_updated AFTER UPDATE OF status, quantity, note ON reservations
WHEN EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.site_id = NEW.site_id AND e.active = 1
             AND instr(',' || e.events || ',', ',reservation.updated,') > 0)
BEGIN
    INSERT INTO webhook_events (site_id, type, subject_id, customer_id)
    VALUES (NEW.site_id, 'reservation.updated', NEW.id, NEW.customer_id);
END;

CREATE TRIGGER webhook_survey_answered AFTER INSERT ON nps_responses
WHEN EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.site_id = NEW.site_id AND e.active = 1
             AND instr(',' || e.events || ',', ',survey.answered,') > 0)
BEGIN
    INSERT INTO webhook_events (site_id, type, subject_id, customer_id)
    VALUES (NEW.site_id, 'survey.answered', NEW.id, NEW.customer_id);
END;
