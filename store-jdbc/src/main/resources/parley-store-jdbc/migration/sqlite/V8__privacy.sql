-- The privacy tools' indexes (CommentStore.byEmail and clearClientData).
--
-- email_hash: the SHA-256, in lower-case hex, of the author's e-mail address in the form
-- Author.normalizeEmail gives (stripped, lower-cased in the root locale); NULL without an address. A hash, not
-- the address: a fixed 64 characters whatever the address, and one key format on every database. Rows written
-- before this migration get it from the Java migration 8.1, since SQL cannot reproduce Java's normalization
-- on every database (SQLite's LOWER folds ASCII only, and SQLite has no SHA-256).
--
-- client_micros: the creation time while the comment still carries an IP address or a User-Agent, NULL once
-- it carries neither. Its index holds exactly what retention has left to clear, oldest first, so a batch
-- reads the batch and nothing else, whatever the size of the store.
ALTER TABLE parley_comment ADD COLUMN email_hash TEXT;
ALTER TABLE parley_comment ADD COLUMN client_micros INTEGER;
UPDATE parley_comment SET client_micros = created_micros
    WHERE author_ip IS NOT NULL OR author_user_agent IS NOT NULL;
-- Partial: comments without an address, or without client data, cost these indexes nothing.
CREATE INDEX parley_comment_email ON parley_comment (email_hash, created_micros, id) WHERE email_hash IS NOT NULL;
CREATE INDEX parley_comment_client ON parley_comment (client_micros, id) WHERE client_micros IS NOT NULL;
