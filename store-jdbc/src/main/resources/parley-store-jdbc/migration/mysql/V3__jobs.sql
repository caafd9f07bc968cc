-- Background jobs (JdbcJobQueue) and shared secrets (JdbcSecrets): what several application instances over
-- one database must agree on. Times are microseconds since the epoch, like the comment table's.
CREATE TABLE parley_job (
    id VARCHAR(64) NOT NULL,
    -- Enqueue order, to break ties between equal run times.
    seq BIGINT NOT NULL AUTO_INCREMENT,
    kind VARCHAR(64) NOT NULL,
    payload MEDIUMTEXT NOT NULL,
    dedup_key TEXT,
    -- SHA-256 of the deduplication key while the job waits unclaimed, else NULL: the unique key below makes
    -- racing enqueues of one key add one job, and lets the key go once the job is claimed.
    waiting_key_hash CHAR(64),
    state VARCHAR(16) NOT NULL,
    attempts INTEGER NOT NULL,
    created_micros BIGINT NOT NULL,
    run_at_micros BIGINT NOT NULL,
    -- When the job can be claimed: its run time while pending, its lease end while running, NULL once finished.
    due_micros BIGINT,
    lease_owner VARCHAR(128),
    lease_until_micros BIGINT,
    outcome VARCHAR(1000),
    updated_micros BIGINT NOT NULL,
    CONSTRAINT parley_job_pk PRIMARY KEY (id),
    CONSTRAINT parley_job_seq_uq UNIQUE (seq),
    CONSTRAINT parley_job_waiting_uq UNIQUE (kind, waiting_key_hash)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = ${binary_collation};
CREATE INDEX parley_job_due ON parley_job (due_micros, seq);
CREATE INDEX parley_job_kind ON parley_job (kind, due_micros);
CREATE INDEX parley_job_finished ON parley_job (updated_micros);

CREATE TABLE parley_secret (
    name VARCHAR(64) NOT NULL,
    secret_value VARCHAR(1024) NOT NULL,
    created_micros BIGINT NOT NULL,
    CONSTRAINT parley_secret_pk PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = ${binary_collation};
