-- The moderator's login, shared by every instance over the database (JdbcLoginAttempts, JdbcSessionStore).
-- Login attempts: one row per key (an account or a client address), replaced by compare-and-set on row_version.
-- Sessions: stored under the hex SHA-256 of the cookie's id, never the id; password_generation is a PBKDF2
-- fingerprint of the password the session was started under. Times are microseconds since the epoch.
CREATE TABLE parley_demo_login_attempt (
    attempt_key TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    blocked_until_micros INTEGER NOT NULL,
    last_micros INTEGER NOT NULL,
    row_version INTEGER NOT NULL,
    CONSTRAINT parley_demo_login_attempt_pk PRIMARY KEY (attempt_key)
) STRICT;
CREATE INDEX parley_demo_login_attempt_last ON parley_demo_login_attempt (last_micros);
CREATE TABLE parley_demo_admin_session (
    id_hash TEXT NOT NULL,
    password_generation TEXT NOT NULL,
    created_micros INTEGER NOT NULL,
    expires_micros INTEGER NOT NULL,
    CONSTRAINT parley_demo_admin_session_pk PRIMARY KEY (id_hash)
) STRICT;
CREATE INDEX parley_demo_admin_session_expires ON parley_demo_admin_session (expires_micros);
