-- The posts of the demo blog (JdbcPostStore). Times are microseconds since the epoch, like the tables of Parley.
-- A deleted post keeps its row (deleted = 1): its URL answers 410 Gone and its slug stays taken.
CREATE TABLE parley_demo_post (
    slug VARCHAR(80) COLLATE "C" NOT NULL,
    title VARCHAR(200) NOT NULL,
    author VARCHAR(200) NOT NULL,
    author_user_id VARCHAR(200) NOT NULL,
    body TEXT NOT NULL,
    published_micros BIGINT NOT NULL,
    updated_micros BIGINT NOT NULL,
    deleted SMALLINT NOT NULL,
    CONSTRAINT parley_demo_post_pk PRIMARY KEY (slug)
);
CREATE INDEX parley_demo_post_published ON parley_demo_post (published_micros, slug);
