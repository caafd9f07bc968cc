-- The moderator's login, shared by every instance over the database (JdbcLoginAttempts, JdbcSessionStore).
-- Login attempts: one row per key (an account or a client address), replaced by compare-and-set on row_version.
-- Sessions: stored under the hex SHA-256 of the cookie's id, never the id; password_generation is a PBKDF2
-- fingerprint of the password the session was started under. Times are microseconds since the epoch.
CREATE TABLE parley_demo_login_attempt (
    attempt_key VARCHAR(120) COLLATE "C" NOT NULL,
    attempts INT NOT NULL,
    blocked_until_micros BIGINT NOT NULL,
    last_micros BIGINT NOT NULL,
    row_version BIGINT NOT NULL,
    CONSTRAINT parley_demo_login_attempt_pk PRIMARY KEY (attempt_key)
);
CREATE INDEX parley_demo_login_attempt_last ON parley_demo_login_attempt (last_micros);
CREATE TABLE parley_demo_admin_session (
    id_hash VARCHAR(64) COLLATE "C" NOT NULL,
    password_generation VARCHAR(64) COLLATE "C" NOT NULL,
    created_micros BIGINT NOT NULL,
    expires_micros BIGINT NOT NULL,
    CONSTRAINT parley_demo_admin_session_pk PRIMARY KEY (id_hash)
);
CREATE INDEX parley_demo_admin_session_expires ON parley_demo_admin_session (expires_micros);
