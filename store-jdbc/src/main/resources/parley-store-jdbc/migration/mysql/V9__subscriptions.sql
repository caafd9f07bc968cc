-- Reply notifications (JdbcSubscriptions): which addresses asked and confirmed (double opt-in), which comments
-- their authors watch, which threads an address muted. Every address is the normalized one (trimmed, lower case,
-- at most 254 characters), so it is the key as it stands. The binary NO PAD collation matters here: in a
-- default collation 'jörg@example.org' and 'jorg@example.org' would be one key. Times are microseconds since
-- the epoch.

-- One row per address ever seen: UNCONFIRMED, CONFIRMED or UNSUBSCRIBED, and when that last changed.
CREATE TABLE parley_subscription_address (
    email VARCHAR(254) NOT NULL,
    state VARCHAR(16) NOT NULL,
    changed_micros BIGINT NOT NULL,
    CONSTRAINT parley_subscription_address_pk PRIMARY KEY (email)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = ${binary_collation};

-- One row per watched comment: its one watcher. The key serves the notifier's lookup of a parent's watcher.
CREATE TABLE parley_subscription_watch (
    comment_id VARCHAR(64) NOT NULL,
    email VARCHAR(254) NOT NULL,
    thread VARCHAR(512) NOT NULL,
    watched_micros BIGINT NOT NULL,
    CONSTRAINT parley_subscription_watch_pk PRIMARY KEY (comment_id)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = ${binary_collation};
-- An address's watches, for the export and the erase.
CREATE INDEX parley_subscription_watch_email ON parley_subscription_watch (email, watched_micros);

-- One row per address and muted thread; the key serves isMuted, and its email prefix the export and the erase.
-- Its 254 + 512 characters of 4 bytes are 3,064 bytes, within InnoDB's 3,072-byte key limit.
CREATE TABLE parley_subscription_mute (
    email VARCHAR(254) NOT NULL,
    thread VARCHAR(512) NOT NULL,
    muted_micros BIGINT NOT NULL,
    CONSTRAINT parley_subscription_mute_pk PRIMARY KEY (email, thread)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = ${binary_collation};
