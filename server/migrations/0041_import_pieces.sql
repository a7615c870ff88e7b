-- An upload arrives in pieces. Each piece used to be appended to one sealed value, which was
-- opened and sealed again whole every time: a 20 MB file in 4,000-character pieces meant
-- tens of gigabytes of decrypting and encrypting (issue 26). Now each piece is sealed on its
-- own and kept in order; the file is put together once, when it is read. `size` counts the
-- characters so far, for the limit.
CREATE TABLE import_pieces (
    import_id  INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    n          INTEGER NOT NULL,
    content    TEXT    NOT NULL,
    PRIMARY KEY (import_id, n)
) STRICT;
ALTER TABLE imports ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
