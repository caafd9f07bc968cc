-- The linkback outbox (JdbcLinkbackOutbox) and claims of one kind of job (JobQueue.claim(kind, ...)).

-- Claims of one kind read the unfinished jobs of that kind in due order; this index replaces the one on
-- (kind, due_micros), which it extends. No partial indexes here, so finished jobs (due_micros NULL) are in it.
CREATE INDEX parley_job_kind_due ON parley_job (kind, due_micros, seq);
DROP INDEX parley_job_kind ON parley_job;

-- One row per source (a post) that was ever planned: its row is the lock that serializes plans of the source.
CREATE TABLE parley_linkback_source (
    -- SHA-256 of the source URL's UTF-8 bytes: a 2,048-character URL in utf8mb4 (8,192 bytes) is beyond
    -- InnoDB's 3,072-byte index key limit.
    source_hash CHAR(64) NOT NULL,
    source VARCHAR(2048) NOT NULL,
    planned_micros BIGINT NOT NULL,
    CONSTRAINT parley_linkback_source_pk PRIMARY KEY (source_hash)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = ${binary_collation};

-- Per source and target, whether the source links to it now (live 1) or did before (0), and the last send's
-- result. Send jobs themselves are parley_job rows of kind 'linkback-send'. The URLs are TEXT: four
-- 2,048-character VARCHARs in utf8mb4 would crowd a row's 65,535 bytes.
CREATE TABLE parley_linkback_target (
    source_hash CHAR(64) NOT NULL,
    target_hash CHAR(64) NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    live SMALLINT NOT NULL,
    status VARCHAR(16) NOT NULL,
    protocol VARCHAR(32),
    endpoint TEXT,
    http_status INTEGER NOT NULL,
    location TEXT,
    reason VARCHAR(1000),
    attempts INTEGER NOT NULL,
    updated_micros BIGINT NOT NULL,
    CONSTRAINT parley_linkback_target_pk PRIMARY KEY (source_hash, target_hash)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = ${binary_collation};
