package dev.parley.storage.outbox;

import dev.parley.storage.Comment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Argument checks shared by the outbox records and outboxes; every message names the field. */
final class OutboxChecks {

    private OutboxChecks() {
    }

    /** A source or target URL: 1 to MAX_URL_LENGTH characters, not blank, no control characters, well-formed. */
    static String url(String value, String field) {
        Objects.requireNonNull(value, () -> field + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return token(value, field, LinkbackOutbox.MAX_URL_LENGTH);
    }

    static String optionalToken(String value, String field, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty (null if there is none)");
        }
        return token(value, field, maxLength);
    }

    private static String token(String value, String field, int maxLength) {
        length(value, field, maxLength);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + " must not contain control characters (found U+"
                        + String.format("%04X", (int) value.charAt(i)) + " at index " + i + ")");
            }
        }
        return wellFormed(value, field);
    }

    static String reason(String value) {
        if (value == null) {
            return null;
        }
        length(value, "send reason", SendResult.MAX_REASON_LENGTH);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new IllegalArgumentException("send reason must not contain control characters other than"
                        + " tab, line feed and carriage return (found U+" + String.format("%04X", (int) c)
                        + " at index " + i + ")");
            }
        }
        return wellFormed(value, "send reason");
    }

    static void httpStatus(int status) {
        if (status != 0 && (status < 100 || status > 999)) {
            throw new IllegalArgumentException("send HTTP status must be 0 (none) or 100 to 999, was " + status);
        }
    }

    static void attempts(int attempts) {
        if (attempts < 0) {
            throw new IllegalArgumentException("send attempts must not be negative, was " + attempts);
        }
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

    private static void length(String value, String field, int maxLength) {
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(
                    field + " must be at most " + maxLength + " characters, was " + value.length());
        }
    }

    /** Refuses unpaired surrogates, which no UTF-8 database column can hold. */
    private static String wellFormed(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(field + " must not contain an unpaired surrogate (found U+"
                        + String.format("%04X", (int) c) + " at index " + i + ")");
            }
        }
        return value;
    }
}
