package dev.parley.pingback.fetch.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a {@code Content-Type} value this fetcher needs (RFC 9110 section 8.3).
 *
 * @param essence {@code type/subtype} in lower case
 * @param charset the {@code charset} parameter, unquoted, or {@code null}
 */
record MediaType(String essence, @Nullable String charset) {

    /** Parses a header value; returns {@code null} when it is not a {@code type/subtype}. */
    static @Nullable MediaType parse(String value) {
        String[] parts = value.split(";", -1);
        String essence = parts[0].strip().toLowerCase(Locale.ROOT);
        int slash = essence.indexOf('/');
        if (slash <= 0 || slash == essence.length() - 1 || essence.indexOf('/', slash + 1) >= 0
                || essence.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            return null;
        }
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                String raw = parameter.substring(equals + 1).strip();
                if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
                    raw = raw.substring(1, raw.length() - 1);
                }
                charset = raw.isEmpty() ? null : raw;
                break;
            }
        }
        return new MediaType(essence, charset);
    }
}
