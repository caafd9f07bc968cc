-- Parley's comment table, one column per Comment component. Column lengths are the Comment limits, counted
-- in characters (code points) as MariaDB and MySQL count them. Timestamps are microseconds since the epoch.
--
-- Every string column is utf8mb4 (4-byte characters such as emoji included) in a binary, NO PAD collation
-- (${binary_collation}): ids and thread keys compare in code point order, and 'post' and 'post ' are two
-- threads. utf8mb4_bin would compare them equal, since it pads with spaces.
--
-- InnoDB limits a row to 65,535 bytes counting each VARCHAR at its maximum (4 bytes a character here): the
-- body and attributes are MEDIUMTEXT, which counts a few bytes in the row. Index keys stay within InnoDB's
-- 3,072 bytes: the longest, the roots index, is 2,048 (thread) + 64 (status) + 2 + 8 + 256 (id) bytes.
CREATE TABLE parley_comment (
    id VARCHAR(64) NOT NULL,
    thread VARCHAR(512) NOT NULL,
    parent_id VARCHAR(64),
    root_id VARCHAR(64) NOT NULL,
    depth SMALLINT NOT NULL,
    in_reply_to_id VARCHAR(64),
    kind VARCHAR(16) NOT NULL,
    status VARCHAR(16) NOT NULL,
    author_name VARCHAR(245) NOT NULL,
    author_email VARCHAR(254),
    author_url VARCHAR(2048),
    author_user_id VARCHAR(255),
    author_ip VARCHAR(64),
    author_user_agent VARCHAR(1024),
    body_text MEDIUMTEXT NOT NULL,
    body_html MEDIUMTEXT NOT NULL,
    linkback_source VARCHAR(2048),
    -- The unique key holds a hash of the source: a 2,048-character URL (8,192 bytes) cannot be a key part.
    linkback_source_hash CHAR(64),
    linkback_title VARCHAR(512),
    moderation_reason VARCHAR(1000),
    created_micros BIGINT NOT NULL,
    updated_micros BIGINT NOT NULL,
    version BIGINT NOT NULL,
    attributes MEDIUMTEXT NOT NULL,
    CONSTRAINT parley_comment_pk PRIMARY KEY (id),
    CONSTRAINT parley_comment_linkback_uq UNIQUE (thread, linkback_source_hash)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = ${binary_collation};
CREATE INDEX parley_comment_replies ON parley_comment (root_id, created_micros, id);
CREATE INDEX parley_comment_queue ON parley_comment (status, created_micros, id);
CREATE INDEX parley_comment_scan ON parley_comment (created_micros, id);
-- No partial indexes: depth is a key column, so roots (depth 0) are one range of it, as on H2. Counts read
-- the (thread, status) prefix of this index, so a separate thread index would only repeat it.
CREATE INDEX parley_comment_roots ON parley_comment (thread, status, depth, created_micros, id);
