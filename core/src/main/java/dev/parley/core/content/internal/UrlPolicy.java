package dev.parley.core.content.internal;

import java.net.MalformedURLException;
import java.net.URL;
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
        // Compared in place rather than through a lower-cased copy: this runs for every link of every comment.
        @Nullable String scheme = null;
        for (String allowed : schemes) {
            if (allowed.length() == colon && asciiLowerCaseEquals(url, allowed)) {
                scheme = allowed;
                break;
            }
        }
        if (scheme == null) {
            return null;
        }
        int rest = colon + 1;
        boolean hierarchical = scheme.equals("http") || scheme.equals("https") || scheme.equals("ftp");
        if (hierarchical
                ? !url.startsWith("//", rest) || url.length() == rest + 2 || "/?#\\".indexOf(url.charAt(rest + 2)) >= 0
                : url.length() == rest) {
            return null;
        }
        String cleaned = url.startsWith(scheme) ? url : scheme + url.substring(colon);
        return parses(cleaned, hierarchical) ? cleaned : null;
    }

    /**
     * Whether {@code url} is a URL as jsoup's own safelist check reads it ({@code java.net.URL}, and a host for
     * http and https): a link whose port is not a number, such as {@code https://a.example:x/} (which the
     * bare-URL finder can meet in text), or whose IPv6 host is not closed, goes nowhere in a browser either.
     */
    private static boolean parses(String url, boolean hierarchical) {
        try {
            URL parsed = new URL(url);
            return !hierarchical || !parsed.getHost().isEmpty();
        } catch (MalformedURLException e) {
            return false;
        }
    }

    /**
     * Whether {@code url} starts with {@code scheme} (lower-case ASCII) in any case. Only ASCII letters fold,
     * as in a browser's URL parser; {@code toLowerCase} would also have folded the Kelvin sign to {@code k},
     * which is in none of the schemes a safelist may allow here.
     */
    private static boolean asciiLowerCaseEquals(String url, String scheme) {
        for (int i = 0, n = scheme.length(); i < n; i++) {
            char c = url.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != scheme.charAt(i)) {
                return false;
            }
        }
        return true;
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
