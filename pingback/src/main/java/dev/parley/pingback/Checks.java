package dev.parley.pingback;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the value records; the messages name the component. */
final class Checks {

    private Checks() {
    }

    static String text(@Nullable String value, String name, int max) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + " characters, was "
                    + value.length());
        }
        if (value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
            throw new IllegalArgumentException(name + " must be plain text without '<' or '>'");
        }
        return value;
    }

    static void optionalText(@Nullable String value, String name, int max) {
        if (value != null) {
            text(value, name, max);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank when present");
            }
        }
    }

    static String httpUrl(@Nullable String value, String name) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (value.length() > VerifiedLinkback.MAX_URL_LENGTH) {
            throw new IllegalArgumentException(name + " must be at most " + VerifiedLinkback.MAX_URL_LENGTH
                    + " characters, was " + value.length());
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new IllegalArgumentException(name + " must be an absolute http or https URL");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"') {
                throw new IllegalArgumentException(name + " must not contain spaces, controls, quotes or angle"
                        + " brackets");
            }
        }
        return value;
    }

    static void optionalHttpUrl(@Nullable String value, String name) {
        if (value != null) {
            httpUrl(value, name);
        }
    }
}
