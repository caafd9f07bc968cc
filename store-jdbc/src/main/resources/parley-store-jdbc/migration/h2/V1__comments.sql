-- Parley's comment table, one column per Comment component. Column lengths are the Comment limits.
-- Timestamps are microseconds since the epoch; ids compare by code unit (binary) on H2.
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
    body_text VARCHAR(65535) NOT NULL,
    body_html VARCHAR(524288) NOT NULL,
    linkback_source VARCHAR(2048),
    linkback_source_hash CHAR(64),
    linkback_title VARCHAR(512),
    moderation_reason VARCHAR(1000),
    created_micros BIGINT NOT NULL,
    updated_micros BIGINT NOT NULL,
    version BIGINT NOT NULL,
    attributes VARCHAR(1000000) NOT NULL,
    CONSTRAINT parley_comment_pk PRIMARY KEY (id),
    CONSTRAINT parley_comment_linkback_uq UNIQUE (thread, linkback_source_hash)
);
CREATE INDEX parley_comment_replies ON parley_comment (root_id, created_micros, id);
CREATE INDEX parley_comment_queue ON parley_comment (status, created_micros, id);
CREATE INDEX parley_comment_scan ON parley_comment (created_micros, id);
-- H2 has no partial index: depth is a key column, so roots (depth 0) are one range of it.
CREATE INDEX parley_comment_roots ON parley_comment (thread, status, depth, created_micros, id);
