-- Survey widgets: rank-your-reasons, NPS, how-did-you-hear.
-- Answers may come from anonymous visitors, so customer_id is optional; when the visitor is
-- known it links the answer to them. Erasing a customer deletes their answers (CASCADE).

-- The options a site offers in a question, in the site's order. `code` is a stable key the
-- reports group by; its label comes from the site's own texts (site_texts) or, for the
-- standard codes, from the widgets' translation catalogue.
CREATE TABLE question_options (
    id        INTEGER PRIMARY KEY,
    site_id   INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    question  TEXT    NOT NULL CHECK (question IN ('reasons', 'heard')),
    code      TEXT    NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
    position  INTEGER NOT NULL,
    active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (site_id, question, code)
) STRICT;

-- A site's own wording for a question or an option, per language, overriding the catalogue.
-- key: 'reasons.question', 'nps.question', 'heard.question', 'reasons.option.CODE', ...
CREATE TABLE site_texts (
    site_id   INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    key       TEXT    NOT NULL,
    language  TEXT    NOT NULL,
    body      TEXT    NOT NULL,
    PRIMARY KEY (site_id, key, language)
) STRICT;

-- One NPS answer. The category (promoter 9-10, passive 7-8, detractor 0-6) is derived from
-- the score when read, never stored.
CREATE TABLE nps_responses (
    id           INTEGER PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id),
    customer_id  INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    score        INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    reason       TEXT    NOT NULL DEFAULT '',
    language     TEXT    NOT NULL,
    page_url     TEXT    NOT NULL,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX nps_by_site_time ON nps_responses (site_id, created_at);

-- One ranking of a site's reasons; its items give each option's rank (1 = most important).
CREATE TABLE reason_rankings (
    id           INTEGER PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id),
    customer_id  INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    language     TEXT    NOT NULL,
    page_url     TEXT    NOT NULL,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TABLE reason_ranking_items (
    ranking_id  INTEGER NOT NULL REFERENCES reason_rankings(id) ON DELETE CASCADE,
    option_id   INTEGER NOT NULL REFERENCES question_options(id),
    rank        INTEGER NOT NULL CHECK (rank >= 1),
    PRIMARY KEY (ranking_id, option_id),
    UNIQUE (ranking_id, rank)
) STRICT;

-- One "how did you hear about us?" answer: one of the site's options, or free text.
CREATE TABLE heard_responses (
    id           INTEGER PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id),
    customer_id  INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    option_id    INTEGER REFERENCES question_options(id),
    other_text   TEXT,
    language     TEXT    NOT NULL,
    page_url     TEXT    NOT NULL,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((option_id IS NULL) <> (other_text IS NULL))
) STRICT;

-- The demo shop's questions.
INSERT INTO question_options (site_id, question, code, position) VALUES
  (1, 'reasons', 'convenience', 1),
  (1, 'reasons', 'low_price', 2),
  (1, 'reasons', 'best_quality', 3),
  (1, 'reasons', 'best_choice', 4),
  (1, 'heard', 'search_engine', 1),
  (1, 'heard', 'friend', 2),
  (1, 'heard', 'social_media', 3),
  (1, 'heard', 'walked_by', 4),
  (1, 'heard', 'newspaper', 5);
