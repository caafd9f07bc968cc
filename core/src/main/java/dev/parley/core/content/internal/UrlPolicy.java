package dev.parley.core.content.internal;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The URL check behind links and citations, stricter than jsoup's and applied in addition to it.
 *
 * <p>Browsers remove tabs and newlines anywhere in a URL and strip leading and trailing controls and spaces
 * before they read the scheme, so {@code " java\tscript:"} is {@code javascript:} to them. This check does the
 * same and then requires an absolute URL with an allowed scheme: {@code http} or {@code https} with a host,
 * or {@code mailto} with an address where the safelist allows it. Relative URLs are refused: a comment is shown on many pages, and
 * a relative link would point somewhere different on each. Stateless and thread-safe.
 */
public final class UrlPolicy {

    private UrlPolicy() {
    }

    /**
     * Returns the URL as it will be written, or null if it is not allowed.
     *
     * @param value the attribute value, entities already decoded
     * @param schemes the allowed schemes, in lower case
     * @return the URL with tabs, newlines and surrounding controls and spaces removed and the scheme in lower
     *     case, or null
     */
    public static @Nullable String clean(String value, Set<String> schemes) {
        String url = stripped(value);
        if (url == null) {
            return null;
        }
        int colon = url.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            return null;
        }
        String rest = url.substring(colon + 1);
        boolean hierarchical = scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp");
        if (hierarchical
                ? !rest.startsWith("//") || rest.length() == 2 || "/?#\\".indexOf(rest.charAt(2)) >= 0
                : rest.isEmpty()) {
            return null;
        }
        return scheme + ":" + rest;
    }

    private static @Nullable String stripped(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) <= ' ') {
            end--;
        }
        @Nullable StringBuilder out = null;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                if (out == null) {
                    out = new StringBuilder(end - start).append(value, start, i);
                }
            } else if (c < ' ' || c == 0x7f) {
                return null;
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value.substring(start, end) : out.toString();
    }
}
