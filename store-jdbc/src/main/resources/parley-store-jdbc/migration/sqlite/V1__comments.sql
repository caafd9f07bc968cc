-- Parley's comment table, one column per Comment component. Timestamps are microseconds since the epoch.
--
-- STRICT: every value must have its column's type, as on the other databases. SQLite has no length limits on
-- text (the Comment limits are checked before a row is written) and compares text by its UTF-8 bytes (the
-- default BINARY collation), so ids and thread keys compare in code point order, as on PostgreSQL and MariaDB.
CREATE TABLE parley_comment (
    id TEXT NOT NULL,
    thread TEXT NOT NULL,
    parent_id TEXT,
    root_id TEXT NOT NULL,
    depth INTEGER NOT NULL,
    in_reply_to_id TEXT,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    author_name TEXT NOT NULL,
    author_email TEXT,
    author_url TEXT,
    author_user_id TEXT,
    author_ip TEXT,
    author_user_agent TEXT,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    linkback_source TEXT,
    linkback_source_hash TEXT,
    linkback_title TEXT,
    moderation_reason TEXT,
    created_micros INTEGER NOT NULL,
    updated_micros INTEGER NOT NULL,
    version INTEGER NOT NULL,
    attributes TEXT NOT NULL
) STRICT;
-- The unique keys are unique indexes: SQLite has no ALTER TABLE ADD CONSTRAINT, and names a violated index's
-- columns rather than the index anyway. It checks the unique indexes of a row newest first, so the id's index
-- comes after the linkback's: a comment whose id and linkback are both taken is a duplicate comment, as on the
-- other databases (and the fingerprint's, from V2, is checked before both, as InMemoryCommentStore does).
-- The linkback key is partial: only linkbacks have a source, so other comments cost it nothing, and a lookup
-- by thread and source hash (= implies IS NOT NULL) can use it.
CREATE UNIQUE INDEX parley_comment_linkback_uq ON parley_comment (thread, linkback_source_hash)
    WHERE linkback_source_hash IS NOT NULL;
-- A unique index rather than a PRIMARY KEY, for the order above; on a rowid table the two are the same.
CREATE UNIQUE INDEX parley_comment_pk ON parley_comment (id);
CREATE INDEX parley_comment_replies ON parley_comment (root_id, created_micros, id);
CREATE INDEX parley_comment_queue ON parley_comment (status, created_micros, id);
CREATE INDEX parley_comment_scan ON parley_comment (created_micros, id);
-- Depth is a key column, as on H2 and MariaDB, rather than a partial index of roots: one index then serves
-- both pages of roots (depth 0 is one range of it) and counts (its (thread, status) prefix), and every insert,
-- by the single writer SQLite allows, updates one index fewer than PostgreSQL's partial index and thread index.
CREATE INDEX parley_comment_roots ON parley_comment (thread, status, depth, created_micros, id);
