-- The moderator's hold and block words (JdbcWordStore), shared by every instance over the database: one row,
-- id 1, holding each list as one word or phrase per line (LF). A save is one UPDATE of that row, so it is atomic
-- on every database and a reader sees either the lists before it or the lists after it, never a mix. Each
-- instance reads the row again when its copy is older than ModerationWords.REFRESH_INTERVAL.
CREATE TABLE parley_demo_moderation_words (
    id INT NOT NULL,
    hold_words CHARACTER LARGE OBJECT NOT NULL,
    block_words CHARACTER LARGE OBJECT NOT NULL,
    CONSTRAINT parley_demo_moderation_words_pk PRIMARY KEY (id),
    CONSTRAINT parley_demo_moderation_words_one CHECK (id = 1)
);
INSERT INTO parley_demo_moderation_words (id, hold_words, block_words) VALUES (1, '', '');
