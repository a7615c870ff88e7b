-- The language of the admin each staff member chose on their account page (NULL: their
-- browser's). Sign-in hands it to the browser as the `patron_lang` cookie, so the choice
-- follows the person to another device and a shared till tablet speaks to whoever signs in.
ALTER TABLE staff_users ADD COLUMN lang TEXT CHECK (lang IN ('en', 'nl', 'af', 'pt', 'ru', 'fi', 'de'));
