package dev.parley.storage;

import java.util.Objects;

/** Argument checks shared by the records of this package; every message names the field. */
final class Check {

    private Check() {
    }

    static String text(String value, String field, int maxLength) {
        Objects.requireNonNull(value, () -> field + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return length(value, field, maxLength);
    }

    static String optionalText(String value, String field, int maxLength) {
        if (value == null) {
            return null;
        }
        return text(value, field, maxLength);
    }

    static String length(String value, String field, int maxLength) {
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(
                    field + " must be at most " + maxLength + " characters, was " + value.length());
        }
        return value;
    }

    static String noControlCharacters(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(
                        field + " must not contain control characters (found U+"
                                + String.format("%04X", (int) c) + " at index " + i + ")");
            }
        }
        return value;
    }

    static int positive(int value, String field, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(field + " must be between 1 and " + max + ", was " + value);
        }
        return value;
    }

    static void statuses(java.util.Set<Status> statuses) {
        Objects.requireNonNull(statuses, "statuses must not be null");
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses must not be empty");
        }
        for (Status status : statuses) {
            Objects.requireNonNull(status, "statuses must not contain null");
        }
    }

    static void atMost(int size, String field, int max) {
        if (size > max) {
            throw new IllegalArgumentException(field + " must hold at most " + max + " elements, had " + size);
        }
    }
}
