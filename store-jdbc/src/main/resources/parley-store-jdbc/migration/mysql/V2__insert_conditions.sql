-- Insert conditions (CommentStore.insert(Comment, InsertConditions)): checked in the same transaction as
-- the insert, so duplicate and flood rules hold across concurrent posts and application instances.

-- The SHA-256 of the fingerprint a comment holds; set to NULL for good when it is deleted or its text
-- changes. Unique: a second comment with the same fingerprint fails atomically. NULLs never collide.
ALTER TABLE parley_comment ADD COLUMN fingerprint CHAR(64) COLLATE ${binary_collation};
ALTER TABLE parley_comment ADD CONSTRAINT parley_comment_fingerprint_uq UNIQUE (fingerprint);

-- When each quiet key (SHA-256 of it) was last used by a stored comment. Its row is the lock that
-- serializes racing posts of one client.
CREATE TABLE parley_quiet_key (
    key_hash CHAR(64) NOT NULL,
    last_used_micros BIGINT NOT NULL,
    CONSTRAINT parley_quiet_key_pk PRIMARY KEY (key_hash)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = ${binary_collation};
CREATE INDEX parley_quiet_key_last_used ON parley_quiet_key (last_used_micros);
