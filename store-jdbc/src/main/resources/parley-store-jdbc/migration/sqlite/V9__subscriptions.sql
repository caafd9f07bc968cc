-- Reply notifications (JdbcSubscriptions): which addresses asked and confirmed (double opt-in), which comments
-- their authors watch, which threads an address muted. Every address is the normalized one (trimmed, lower case,
-- at most 254 characters, checked before a row is written), so it is the key as it stands; text compares by its
-- UTF-8 bytes (BINARY). Times are microseconds since the epoch.

-- One row per address ever seen: UNCONFIRMED, CONFIRMED or UNSUBSCRIBED, and when that last changed.
CREATE TABLE parley_subscription_address (
    email TEXT NOT NULL,
    state TEXT NOT NULL,
    changed_micros INTEGER NOT NULL,
    CONSTRAINT parley_subscription_address_pk PRIMARY KEY (email)
) STRICT, WITHOUT ROWID;

-- One row per watched comment: its one watcher. The key serves the notifier's lookup of a parent's watcher.
CREATE TABLE parley_subscription_watch (
    comment_id TEXT NOT NULL,
    email TEXT NOT NULL,
    thread TEXT NOT NULL,
    watched_micros INTEGER NOT NULL,
    CONSTRAINT parley_subscription_watch_pk PRIMARY KEY (comment_id)
) STRICT, WITHOUT ROWID;
-- An address's watches, for the export and the erase.
CREATE INDEX parley_subscription_watch_email ON parley_subscription_watch (email, watched_micros);

-- One row per address and muted thread; the key serves isMuted, and its email prefix the export and the erase.
CREATE TABLE parley_subscription_mute (
    email TEXT NOT NULL,
    thread TEXT NOT NULL,
    muted_micros INTEGER NOT NULL,
    CONSTRAINT parley_subscription_mute_pk PRIMARY KEY (email, thread)
) STRICT, WITHOUT ROWID;
