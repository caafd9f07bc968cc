-- Background jobs (JdbcJobQueue) and shared secrets (JdbcSecrets): what several application processes over
-- one database must agree on. Times are microseconds since the epoch, like the comment table's.
CREATE TABLE parley_job (
    -- Enqueue order, to break ties between equal run times: the rowid, assigned on insert.
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    dedup_key TEXT,
    -- SHA-256 of the deduplication key while the job waits unclaimed, else NULL: the unique index below
    -- makes racing enqueues of one key add one job, and lets the key go once the job is claimed.
    waiting_key_hash TEXT,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    created_micros INTEGER NOT NULL,
    run_at_micros INTEGER NOT NULL,
    -- When the job can be claimed: its run time while pending, its lease end while running, NULL once finished.
    due_micros INTEGER,
    lease_owner TEXT,
    lease_until_micros INTEGER,
    outcome TEXT,
    updated_micros INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX parley_job_id_uq ON parley_job (id);
CREATE UNIQUE INDEX parley_job_waiting_uq ON parley_job (kind, waiting_key_hash) WHERE waiting_key_hash IS NOT NULL;
CREATE INDEX parley_job_due ON parley_job (due_micros, seq);
CREATE INDEX parley_job_kind ON parley_job (kind, due_micros);
CREATE INDEX parley_job_finished ON parley_job (updated_micros);

CREATE TABLE parley_secret (
    name TEXT NOT NULL,
    secret_value TEXT NOT NULL,
    created_micros INTEGER NOT NULL,
    CONSTRAINT parley_secret_pk PRIMARY KEY (name)
) STRICT;
