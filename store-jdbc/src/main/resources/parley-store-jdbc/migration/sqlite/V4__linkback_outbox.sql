-- The linkback outbox (JdbcLinkbackOutbox) and claims of one kind of job (JobQueue.claim(kind, ...)).

-- Claims of one kind read the unfinished jobs of that kind in due order; this index replaces the one on
-- (kind, due_micros), which it extends. Partial: finished jobs (due_micros NULL) are never claimed.
DROP INDEX parley_job_kind;
CREATE INDEX parley_job_kind_due ON parley_job (kind, due_micros, seq) WHERE due_micros IS NOT NULL;

-- One row per source (a post) that was ever planned. SQLite has one writer at a time: a plan's first
-- statement updates this row, taking the database's write lock before it reads anything.
CREATE TABLE parley_linkback_source (
    -- SHA-256 of the source URL's UTF-8 bytes, the key as on the other databases.
    source_hash TEXT NOT NULL,
    source TEXT NOT NULL,
    planned_micros INTEGER NOT NULL,
    CONSTRAINT parley_linkback_source_pk PRIMARY KEY (source_hash)
) STRICT, WITHOUT ROWID;

-- Per source and target, whether the source links to it now (live 1) or did before (0), and the last send's
-- result. Send jobs themselves are parley_job rows of kind 'linkback-send'.
CREATE TABLE parley_linkback_target (
    source_hash TEXT NOT NULL,
    target_hash TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    live INTEGER NOT NULL,
    status TEXT NOT NULL,
    protocol TEXT,
    endpoint TEXT,
    http_status INTEGER NOT NULL,
    location TEXT,
    reason TEXT,
    attempts INTEGER NOT NULL,
    updated_micros INTEGER NOT NULL,
    CONSTRAINT parley_linkback_target_pk PRIMARY KEY (source_hash, target_hash)
) STRICT;
