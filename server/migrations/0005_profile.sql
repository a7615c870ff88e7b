-- Progressive profiling: facts a customer may add a little at a time, and each site's
-- ordered list of what to ask. Income is kept as a range, never an exact figure.

ALTER TABLE customers ADD COLUMN birthday TEXT;
ALTER TABLE customers ADD COLUMN household_size INTEGER CHECK (household_size BETWEEN 1 AND 20);
ALTER TABLE customers ADD COLUMN income_range TEXT
    CHECK (income_range IN ('under_20k', '20k_40k', '40k_70k', '70k_100k', 'over_100k', 'rather_not_say'));
ALTER TABLE customers ADD COLUMN occupation TEXT;
ALTER TABLE customers ADD COLUMN preferred_channel TEXT CHECK (preferred_channel IN ('email', 'phone', 'sms', 'post'));

CREATE TABLE site_profile_fields (
    site_id   INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    field     TEXT    NOT NULL CHECK (field IN
                ('birthday', 'postcode', 'household_size', 'income_range', 'occupation', 'preferred_channel')),
    position  INTEGER NOT NULL,
    PRIMARY KEY (site_id, field)
) STRICT;

INSERT INTO site_profile_fields (site_id, field, position) VALUES
  (1, 'birthday', 1), (1, 'postcode', 2), (1, 'household_size', 3),
  (1, 'income_range', 4), (1, 'occupation', 5), (1, 'preferred_channel', 6);
