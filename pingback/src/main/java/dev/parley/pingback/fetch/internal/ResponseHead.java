package dev.parley.pingback.fetch.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A response's status line and header fields.
 *
 * @param status the status code
 * @param headers field names in lower case, values in received order (the caller passes an immutable map)
 */
record ResponseHead(int status, Map<String, List<String>> headers) {

    List<String> values(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    @Nullable String first(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.get(0);
    }
}
