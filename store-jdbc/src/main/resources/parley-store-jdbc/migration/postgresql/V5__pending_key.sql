-- The hash of a job's deduplication key, kept whatever becomes of the job: unlike waiting_key_hash, which a
-- claim clears, it still finds a job that a retry put back to wait out its back-off. The linkback outbox
-- (JdbcLinkbackOutbox) looks pending send jobs up by it, so that planning a target whose send waits adds no
-- second job beside it. Jobs enqueued before this migration have it only while they still wait unclaimed.
ALTER TABLE parley_job ADD COLUMN key_hash CHAR(64);
UPDATE parley_job SET key_hash = waiting_key_hash WHERE waiting_key_hash IS NOT NULL;
-- Unfinished jobs only, like the due indexes: a plan looks for pending ones.
CREATE INDEX parley_job_key ON parley_job (kind, key_hash) WHERE due_micros IS NOT NULL;
