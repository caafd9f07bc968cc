package dev.parley.storage;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many comments of each {@link Status} a thread (or a store) holds. Immutable and thread-safe.
 *
 * @param pending the number held for moderation
 * @param approved the number published
 * @param spam the number marked spam
 * @param deleted the number deleted but kept
 */
public record StatusCounts(long pending, long approved, long spam, long deleted) {

    /** No comments at all. */
    public static final StatusCounts ZERO = new StatusCounts(0, 0, 0, 0);

    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public StatusCounts {
        if (pending < 0 || approved < 0 || spam < 0 || deleted < 0) {
            throw new IllegalArgumentException("counts must not be negative: pending=" + pending + ", approved="
                    + approved + ", spam=" + spam + ", deleted=" + deleted);
        }
    }

    /**
     * Builds counts from a map; statuses that are absent count zero.
     *
     * @param counts counts by status
     * @return the counts
     */
    public static StatusCounts of(Map<Status, Long> counts) {
        Objects.requireNonNull(counts, "counts must not be null");
        return new StatusCounts(
                counts.getOrDefault(Status.PENDING, 0L),
                counts.getOrDefault(Status.APPROVED, 0L),
                counts.getOrDefault(Status.SPAM, 0L),
                counts.getOrDefault(Status.DELETED, 0L));
    }

    /**
     * Returns the count for one status.
     *
     * @param status the status
     * @return its count
     */
    public long get(Status status) {
        return switch (Objects.requireNonNull(status, "status must not be null")) {
            case PENDING -> pending;
            case APPROVED -> approved;
            case SPAM -> spam;
            case DELETED -> deleted;
        };
    }

    /**
     * Returns the counts as a map with an entry for every status.
     *
     * @return an unmodifiable map
     */
    public Map<Status, Long> asMap() {
        Map<Status, Long> map = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            map.put(status, get(status));
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * Returns the sum over all statuses.
     *
     * @return the total
     */
    public long total() {
        return pending + approved + spam + deleted;
    }

    /**
     * Returns these counts with one more comment of {@code status}, or one fewer for a negative delta.
     *
     * @param status the status
     * @param delta the change
     * @return the new counts
     */
    public StatusCounts plus(Status status, long delta) {
        Objects.requireNonNull(status, "status must not be null");
        return new StatusCounts(
                pending + (status == Status.PENDING ? delta : 0),
                approved + (status == Status.APPROVED ? delta : 0),
                spam + (status == Status.SPAM ? delta : 0),
                deleted + (status == Status.DELETED ? delta : 0));
    }
}
