package dev.parley.examples.web;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@link AdminSession} keeps the moderator's sessions, shared by every instance that must accept them.
 *
 * <p>A session is stored under the SHA-256 of its id (hex), never the id itself: whoever reads the store cannot
 * use what it holds as a cookie. Each session records the generation of the password it was started under, so
 * a changed password ends the sessions of the old one.
 *
 * <p>Implementations are thread-safe.
 */
public interface SessionStore {

    /**
     * A stored session.
     *
     * @param passwordGeneration the fingerprint of the password the session was started under
     * @param created when it started
     * @param expires when it ends
     */
    record Entry(String passwordGeneration, Instant created, Instant expires) {
        /** Checks the fields are present. */
        public Entry {
            Objects.requireNonNull(passwordGeneration, "passwordGeneration");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(expires, "expires");
        }
    }

    /**
     * Stores a new session.
     *
     * @param idHash the hex SHA-256 of the session's id
     * @param entry the session
     */
    void create(String idHash, Entry entry);

    /**
     * The session stored under a hash.
     *
     * @param idHash the hex SHA-256 of the session's id
     * @return the session, or empty if none (expired sessions may still be found: the caller checks)
     */
    Optional<Entry> find(String idHash);

    /**
     * Ends a session; nothing happens if there is none.
     *
     * @param idHash the hex SHA-256 of the session's id
     */
    void delete(String idHash);

    /**
     * Ends every session expired at {@code now} or started under another password generation than
     * {@code currentGeneration}.
     *
     * @param now the time
     * @param currentGeneration the fingerprint of the current password
     */
    void purge(Instant now, String currentGeneration);
}
