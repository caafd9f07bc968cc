-- Insert conditions (CommentStore.insert(Comment, InsertConditions)): checked in the same transaction as
-- the insert, so duplicate and flood rules hold across concurrent posts and application instances. SQLite
-- has one writer at a time: the transaction's first statement is a write, so it takes the database's write
-- lock before it reads anything, and the check and the write cannot interleave with another post's.

-- The SHA-256 of the fingerprint a comment holds; set to NULL for good when it is deleted or its text
-- changes. Unique: a second comment with the same fingerprint fails atomically. Partial: only the non-null
-- fingerprints are indexed.
ALTER TABLE parley_comment ADD COLUMN fingerprint TEXT;
CREATE UNIQUE INDEX parley_comment_fingerprint_uq ON parley_comment (fingerprint) WHERE fingerprint IS NOT NULL;

-- When each quiet key (SHA-256 of it) was last used by a stored comment. Small rows keyed by text: WITHOUT
-- ROWID keeps them in the primary key's B-tree alone.
CREATE TABLE parley_quiet_key (
    key_hash TEXT NOT NULL,
    last_used_micros INTEGER NOT NULL,
    CONSTRAINT parley_quiet_key_pk PRIMARY KEY (key_hash)
) STRICT, WITHOUT ROWID;
CREATE INDEX parley_quiet_key_last_used ON parley_quiet_key (last_used_micros);
