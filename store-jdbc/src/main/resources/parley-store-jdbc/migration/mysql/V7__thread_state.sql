-- One row per thread that ever held a comment: its change stamp and its counts by status, moved by every write
-- of one of its comments in the same transaction (JdbcCommentStore's ThreadRows). A reader learns in one
-- primary-key read whether the thread changed and how many comments it holds. The row outlives the thread's
-- last comment, so the version never goes back and never repeats.
CREATE TABLE parley_thread (
    thread VARCHAR(512) NOT NULL,
    version BIGINT NOT NULL,
    pending BIGINT NOT NULL,
    approved BIGINT NOT NULL,
    spam BIGINT NOT NULL,
    deleted BIGINT NOT NULL,
    CONSTRAINT parley_thread_pk PRIMARY KEY (thread)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = ${binary_collation};
INSERT INTO parley_thread (thread, version, pending, approved, spam, deleted)
SELECT thread, 1,
       COUNT(CASE WHEN status = 'PENDING' THEN 1 END),
       COUNT(CASE WHEN status = 'APPROVED' THEN 1 END),
       COUNT(CASE WHEN status = 'SPAM' THEN 1 END),
       COUNT(CASE WHEN status = 'DELETED' THEN 1 END)
FROM parley_comment GROUP BY thread;
-- The replies index gains status and depth at its end: a reply page filters them inside the index, and the
-- "N more replies" counts of a page of roots read it alone, one covering range per root. Replaced rather than
-- joined by a second index, which the planners would take for short subtrees and then sort.
DROP INDEX parley_comment_replies ON parley_comment;
CREATE INDEX parley_comment_replies ON parley_comment (root_id, created_micros, id, status, depth);
