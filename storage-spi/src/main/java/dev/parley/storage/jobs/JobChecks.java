package dev.parley.storage.jobs;

import dev.parley.storage.Comment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Argument checks shared by the job records and queues; every message names the field. */
final class JobChecks {

    private JobChecks() {
    }

    static String text(String value, String field, int maxLength) {
        Objects.requireNonNull(value, () -> field + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return length(value, field, maxLength);
    }

    static String length(String value, String field, int maxLength) {
        Objects.requireNonNull(value, () -> field + " must not be null");
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(
                    field + " must be at most " + maxLength + " characters, was " + value.length());
        }
        return value;
    }

    static String noControlCharacters(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + " must not contain control characters (found U+"
                        + String.format("%04X", (int) value.charAt(i)) + " at index " + i + ")");
            }
        }
        return value;
    }

    /** The instant truncated to microseconds, the precision every store keeps, within the comment range. */
    static Instant instant(Instant value, String field) {
        Objects.requireNonNull(value, () -> field + " must not be null");
        if (value.isBefore(Comment.EARLIEST) || value.isAfter(Comment.LATEST)) {
            throw new IllegalArgumentException(
                    field + " must be between " + Comment.EARLIEST + " and " + Comment.LATEST + ", was " + value);
        }
        return value.truncatedTo(ChronoUnit.MICROS);
    }
}
