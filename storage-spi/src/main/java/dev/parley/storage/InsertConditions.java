package dev.parley.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must hold, at the moment a new comment is stored, for the store to take it: the store checks these
 * and inserts in one atomic step, so a rule that reads and then writes (no duplicate, no flood) holds under
 * any number of concurrent posts, on one application instance or on several sharing a database.
 *
 * <ul>
 *   <li><b>Fingerprint</b> (duplicates). No comment holding the same fingerprint may be held by the store. A
 *       comment holds the fingerprint it was inserted with until it is deleted (hard, or by an update to
 *       {@link Status#DELETED}) or its text is changed by an update; after that it holds none, for good. The
 *       engine derives it from what makes two comments the same: thread, comment answered, text and author.</li>
 *   <li><b>Quiet keys</b> (flood). None of the keys may have been used by a comment created after
 *       {@link #quietSince()}; on success every key is recorded as used at the new comment's
 *       {@link Comment#createdAt()}. The engine's keys name the client: its address, e-mail and user id.</li>
 * </ul>
 *
 * <p>A store may forget a key's use once it lies at or before the quiet-since instant of a later conditional
 * insert: an engine uses one quiet interval, so such a use can refuse nothing any more.
 *
 * <p>Immutable and thread-safe. Keys are compared exactly; a store may keep a hash of each instead of the key.
 *
 * @param fingerprint the fingerprint the new comment takes, 1 to {@value #MAX_KEY_LENGTH} characters, or null
 *     for none
 * @param quietKeys the keys that must have been quiet, each 1 to {@value #MAX_KEY_LENGTH} characters; empty
 *     for none
 * @param quietSince the instant after which a use of a key refuses the insert; null exactly when
 *     {@code quietKeys} is empty
 */
public record InsertConditions(String fingerprint, Set<String> quietKeys, Instant quietSince) {

    /** The longest fingerprint or key. */
    public static final int MAX_KEY_LENGTH = 512;

    /** No condition: a plain insert. */
    public static final InsertConditions NONE = new InsertConditions(null, Set.of(), null);

    /**
     * Checks the components and copies the keys (sorted, so stores lock them in one order).
     *
     * @throws NullPointerException if {@code quietKeys} or one of its keys is null
     * @throws IllegalArgumentException naming the component, if a key or the fingerprint is blank or too long,
     *     or {@code quietSince} is missing for keys or given without any
     */
    public InsertConditions {
        if (fingerprint != null) {
            Check.text(fingerprint, "fingerprint", MAX_KEY_LENGTH);
        }
        Objects.requireNonNull(quietKeys, "quiet keys must not be null");
        TreeSet<String> sorted = new TreeSet<>();
        for (String key : quietKeys) {
            sorted.add(Check.text(Objects.requireNonNull(key, "quiet keys must not contain null"), "quiet key",
                    MAX_KEY_LENGTH));
        }
        quietKeys = java.util.Collections.unmodifiableSortedSet(sorted);
        if (quietKeys.isEmpty() != (quietSince == null)) {
            throw new IllegalArgumentException("quiet since must be given exactly when there are quiet keys, had "
                    + quietKeys.size() + " keys and quiet since " + quietSince);
        }
    }

    /**
     * Returns these conditions with the fingerprint set.
     *
     * @param value the fingerprint
     * @return new conditions
     */
    public InsertConditions withFingerprint(String value) {
        Objects.requireNonNull(value, "fingerprint must not be null");
        return new InsertConditions(value, quietKeys, quietSince);
    }

    /**
     * Returns these conditions with quiet keys added. When both these and the new keys have a quiet-since
     * instant, the earlier one (the stricter condition) is kept.
     *
     * @param keys the keys to add, not empty
     * @param since the instant after which a use of one refuses the insert
     * @return new conditions
     */
    public InsertConditions withQuietKeys(Set<String> keys, Instant since) {
        Objects.requireNonNull(keys, "keys must not be null");
        Objects.requireNonNull(since, "since must not be null");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("keys must not be empty");
        }
        Set<String> all = new TreeSet<>(quietKeys);
        all.addAll(keys);
        Instant earliest = quietSince == null || since.isBefore(quietSince) ? since : quietSince;
        return new InsertConditions(fingerprint, all, earliest);
    }

    /**
     * Tells whether there is nothing to check.
     *
     * @return true for {@link #NONE} and its equals
     */
    public boolean isEmpty() {
        return fingerprint == null && quietKeys.isEmpty();
    }
}
