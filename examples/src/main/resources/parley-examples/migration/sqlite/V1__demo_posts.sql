-- The posts of the demo blog (JdbcPostStore). Times are microseconds since the epoch, like the tables of Parley.
-- A deleted post keeps its row (deleted = 1): its URL answers 410 Gone and its slug stays taken.
CREATE TABLE parley_demo_post (
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    author TEXT NOT NULL,
    author_user_id TEXT NOT NULL,
    body TEXT NOT NULL,
    published_micros INTEGER NOT NULL,
    updated_micros INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    CONSTRAINT parley_demo_post_pk PRIMARY KEY (slug)
) STRICT;
CREATE INDEX parley_demo_post_published ON parley_demo_post (published_micros, slug);
