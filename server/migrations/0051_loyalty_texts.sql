-- A loyalty programme's words in its site's other languages, shown to a customer who reads
-- one of them (the loyalty widget, the customer's own page): the programme's name and its
-- birthday gift, and each reward's name. A blank or missing one: the programme's own words.
CREATE TABLE loyalty_programme_texts (
    programme_id     INTEGER NOT NULL REFERENCES loyalty_programmes(id) ON DELETE CASCADE,
    language         TEXT    NOT NULL CHECK (length(language) = 2),
    name             TEXT    NOT NULL DEFAULT '' CHECK (length(name) <= 80),
    birthday_reward  TEXT    NOT NULL DEFAULT '' CHECK (length(birthday_reward) <= 80),
    PRIMARY KEY (programme_id, language)
) STRICT;

-- A reward's name in another language. A reward whose name or cost changes is a new row of
-- `loyalty_rewards` (the old one kept for the ledger), so its words are asked for again.
CREATE TABLE loyalty_reward_names (
    reward_id  INTEGER NOT NULL REFERENCES loyalty_rewards(id) ON DELETE CASCADE,
    language   TEXT    NOT NULL CHECK (length(language) = 2),
    name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    PRIMARY KEY (reward_id, language)
) STRICT;
