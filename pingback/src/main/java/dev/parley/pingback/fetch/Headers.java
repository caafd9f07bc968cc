package dev.parley.pingback.fetch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header handling {@link FetchResult.Fetched} and {@link PostResult.Answered} share: names folded to lower case,
 * values kept in received order. Stateless and thread-safe.
 */
final class Headers {

    private Headers() {
    }

    /** An immutable copy keyed by lower-case name; values of names differing only in case are joined in order. */
    static Map<String, List<String>> normalized(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(copy);
    }

    /** Every value of a header, in received order, from a map made by {@link #normalized(Map)}. */
    static List<String> values(Map<String, List<String>> normalized, String name) {
        return normalized.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
