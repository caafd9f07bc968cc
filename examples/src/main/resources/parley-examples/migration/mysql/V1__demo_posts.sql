-- The posts of the demo blog (JdbcPostStore). Times are microseconds since the epoch, like the tables of Parley.
-- A deleted post keeps its row (deleted = 1): its URL answers 410 Gone and its slug stays taken.
-- utf8mb4 throughout; slugs are lower-case ASCII, so a binary collation compares them exactly on MariaDB and
-- MySQL alike. The body is MEDIUMTEXT: 20,000 characters of 4 bytes do not fit the 65,535 bytes of TEXT.
CREATE TABLE parley_demo_post (
    slug VARCHAR(80) NOT NULL,
    title VARCHAR(200) NOT NULL,
    author VARCHAR(200) NOT NULL,
    author_user_id VARCHAR(200) NOT NULL,
    body MEDIUMTEXT NOT NULL,
    published_micros BIGINT NOT NULL,
    updated_micros BIGINT NOT NULL,
    deleted SMALLINT NOT NULL,
    CONSTRAINT parley_demo_post_pk PRIMARY KEY (slug)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX parley_demo_post_published ON parley_demo_post (published_micros, slug);
