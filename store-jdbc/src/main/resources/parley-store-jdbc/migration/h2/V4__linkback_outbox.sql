-- The linkback outbox (JdbcLinkbackOutbox) and claims of one kind of job (JobQueue.claim(kind, ...)).

-- Claims of one kind read the unfinished jobs of that kind in due order; this index replaces the one on
-- (kind, due_micros), which it extends. H2 has no partial indexes, so finished jobs (due_micros NULL) are in it.
DROP INDEX parley_job_kind;
CREATE INDEX parley_job_kind_due ON parley_job (kind, due_micros, seq);

-- One row per source (a post) that was ever planned: its row is the lock that serializes plans of the source.
CREATE TABLE parley_linkback_source (
    -- SHA-256 of the source URL's UTF-8 bytes: URLs of up to 2,048 characters fit no index on every database.
    source_hash CHAR(64) NOT NULL,
    source VARCHAR(2048) NOT NULL,
    planned_micros BIGINT NOT NULL,
    CONSTRAINT parley_linkback_source_pk PRIMARY KEY (source_hash)
);

-- Per source and target, whether the source links to it now (live 1) or did before (0), and the last send's
-- result. Send jobs themselves are parley_job rows of kind 'linkback-send'.
CREATE TABLE parley_linkback_target (
    source_hash CHAR(64) NOT NULL,
    target_hash CHAR(64) NOT NULL,
    source VARCHAR(2048) NOT NULL,
    target VARCHAR(2048) NOT NULL,
    live SMALLINT NOT NULL,
    status VARCHAR(16) NOT NULL,
    protocol VARCHAR(32),
    endpoint VARCHAR(2048),
    http_status INTEGER NOT NULL,
    location VARCHAR(2048),
    reason VARCHAR(1000),
    attempts INTEGER NOT NULL,
    updated_micros BIGINT NOT NULL,
    CONSTRAINT parley_linkback_target_pk PRIMARY KEY (source_hash, target_hash)
);
