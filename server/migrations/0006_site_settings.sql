-- Site settings the owner edits in the admin: which widgets a site uses and which languages
-- its texts are written in. Questions, options, texts, consent wordings and profile fields
-- already have their tables (0001, 0002, 0005).

-- The widgets a site has switched on. A widget that is not listed refuses every call, so an
-- owner can take one off all the shop's pages at once without editing them.
-- 'favourites' covers both the heart button and the favourites list.
CREATE TABLE site_widgets (
    site_id  INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    widget   TEXT    NOT NULL CHECK (widget IN
               ('signup', 'reservation', 'favourites', 'reasons', 'nps', 'heard', 'warranty', 'profile')),
    PRIMARY KEY (site_id, widget)
) STRICT;

-- The languages a site writes its own texts in (consent wording, questions, options). A
-- visitor whose language is not listed gets the site's texts in its default language.
CREATE TABLE site_languages (
    site_id   INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    language  TEXT    NOT NULL CHECK (language IN ('en', 'nl', 'af', 'pt', 'ru', 'fi', 'de')),
    PRIMARY KEY (site_id, language)
) STRICT;

-- Sites made before this migration keep every widget they could use, and their default
-- language plus every language they already have a consent wording in.
INSERT INTO site_widgets (site_id, widget)
SELECT s.id, w.widget FROM sites s,
  (SELECT 'signup' AS widget UNION ALL SELECT 'reservation' UNION ALL SELECT 'favourites'
   UNION ALL SELECT 'reasons' UNION ALL SELECT 'nps' UNION ALL SELECT 'heard'
   UNION ALL SELECT 'warranty' UNION ALL SELECT 'profile') w;
INSERT INTO site_languages (site_id, language)
SELECT id, default_language FROM sites WHERE default_language IN ('en', 'nl', 'af', 'pt', 'ru', 'fi', 'de')
UNION
SELECT site_id, language FROM consent_texts WHERE language IN ('en', 'nl', 'af', 'pt', 'ru', 'fi', 'de');

-- The demo shop speaks every language Patron ships.
INSERT OR IGNORE INTO site_languages (site_id, language)
SELECT 1, l.language FROM (SELECT 'en' AS language UNION ALL SELECT 'nl' UNION ALL SELECT 'af'
  UNION ALL SELECT 'pt' UNION ALL SELECT 'ru' UNION ALL SELECT 'fi' UNION ALL SELECT 'de') l
WHERE EXISTS (SELECT 1 FROM sites WHERE id = 1);
INSERT INTO consent_texts (site_id, purpose, version, language, body)
SELECT 1, 'newsletter', 1, t.language, t.body FROM (
  SELECT 'nl' AS language, 'Ja, stuur mij nieuws en aanbiedingen van Demo Bakery per e-mail. Ik kan me op elk moment afmelden.' AS body
  UNION ALL SELECT 'af', 'Ja, stuur vir my nuus en aanbiedinge van Demo Bakery per e-pos. Ek kan my enige tyd afmeld.'
  UNION ALL SELECT 'pt', 'Sim, enviem-me novidades e ofertas da Demo Bakery por email. Posso cancelar a qualquer momento.'
  UNION ALL SELECT 'ru', 'Да, присылайте мне новости и предложения Demo Bakery по электронной почте. Я могу отписаться в любой момент.'
  UNION ALL SELECT 'fi', 'Kyllä, lähettäkää minulle Demo Bakeryn uutisia ja tarjouksia sähköpostilla. Voin perua tilauksen milloin tahansa.'
) t
WHERE EXISTS (SELECT 1 FROM sites WHERE id = 1)
  AND NOT EXISTS (SELECT 1 FROM consent_texts c WHERE c.site_id = 1 AND c.purpose = 'newsletter' AND c.language = t.language);
