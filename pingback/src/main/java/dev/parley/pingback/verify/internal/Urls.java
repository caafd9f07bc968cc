package dev.parley.pingback.verify.internal;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Resolves and compares http(s) URLs the way a browser would for the purpose of "does this page link to
 * that URL": a small resolver after RFC 3986 section 5 with the WHATWG URL Standard's leniencies for http(s)
 * (tabs and newlines removed, C0 and spaces trimmed, backslashes read as slashes, any number of slashes
 * after the scheme). It yields one canonical string per URL so equality is string equality:
 *
 * <ul>
 *   <li>scheme and host lower-cased, the default port (80, 443) and an empty port removed, a non-ASCII host
 *       converted to its ASCII (punycode) form;</li>
 *   <li>an empty path becomes {@code /}; {@code .} and {@code ..} segments (also {@code %2e}) are removed;</li>
 *   <li>spaces, controls, quotes, angle brackets and non-ASCII characters in path and query are
 *       percent-encoded as UTF-8, as browsers do; existing percent escapes are kept exactly as written (no
 *       case folding, no decoding);</li>
 *   <li>the fragment is dropped: {@code /post#comments} is the same page as {@code /post};</li>
 *   <li>URLs with user-info, a non-http(s) scheme, an empty host or a bad port canonicalise to nothing.</li>
 * </ul>
 *
 * <p>Path and query are otherwise compared exactly: {@code /post} and {@code /post/} differ, and so do
 * {@code /post} and {@code /post?utm_source=x}. Hand-written rather than {@link java.net.URI} because it runs
 * once per link on a page and must stay cheap next to parsing. Stateless and thread-safe.
 */
public final class Urls {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Urls() {
    }

    /**
     * Canonicalises an absolute http(s) URL.
     *
     * @param url the URL as written
     * @return the canonical form, or null if it is not an absolute http(s) URL this class accepts
     */
    public static @Nullable String canonical(String url) {
        String s = clean(url);
        int colon = schemeEnd(s);
        if (colon < 0) {
            return null;
        }
        return absolute(s, colon);
    }

    /**
     * Resolves a reference found in a page against the page's canonical base URL.
     *
     * @param base a canonical URL, as returned by {@link #canonical(String)}
     * @param reference an href or src value, entities already decoded
     * @return the canonical absolute URL, or null if the reference does not resolve to an http(s) URL
     */
    public static @Nullable String resolve(String base, String reference) {
        String ref = clean(reference);
        int colon = schemeEnd(ref);
        if (colon >= 0) {
            // WHATWG: "http:foo" against an http base is relative; with slashes, or another scheme, absolute.
            boolean sameScheme = base.regionMatches(true, 0, ref, 0, colon + 1);
            if (!sameScheme || (colon + 1 < ref.length() && ref.charAt(colon + 1) == '/')) {
                return absolute(ref, colon);
            }
            ref = ref.substring(colon + 1);
        }
        int baseColon = base.indexOf(':');
        if (ref.startsWith("//")) {
            return absolute(base.substring(0, baseColon + 1) + ref, baseColon);
        }
        int pathStart = base.indexOf('/', baseColon + 3);
        String origin = base.substring(0, pathStart);
        if (ref.isEmpty() || ref.charAt(0) == '#') {
            return base;
        }
        char first = ref.charAt(0);
        if (first == '/') {
            return absolute(origin + ref, baseColon);
        }
        int baseQuery = base.indexOf('?', pathStart);
        String basePath = baseQuery < 0 ? base.substring(pathStart) : base.substring(pathStart, baseQuery);
        if (first == '?') {
            return absolute(origin + basePath + ref, baseColon);
        }
        return absolute(origin + basePath.substring(0, basePath.lastIndexOf('/') + 1) + ref, baseColon);
    }

    /** Removes what browsers remove before parsing: outer C0/space, inner tab/LF/CR; backslash to slash. */
    private static String clean(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) <= ' ') {
            end--;
        }
        boolean dirty = false;
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\\') {
                dirty = true;
                break;
            }
        }
        if (!dirty) {
            return start == 0 && end == raw.length() ? raw : raw.substring(start, end);
        }
        StringBuilder sb = new StringBuilder(end - start);
        boolean inQueryOrFragment = false;
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c == '?' || c == '#') {
                inQueryOrFragment = true;
            }
            sb.append(c == '\\' && !inQueryOrFragment ? '/' : c);
        }
        return sb.toString();
    }

    /** Returns the index of the scheme's colon, or -1 if the string does not start with a scheme. */
    static int schemeEnd(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static @Nullable String absolute(String s, int colon) {
        String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !scheme.equals("http")) {
            return null;
        }
        int i = colon + 1;
        while (i < s.length() && s.charAt(i) == '/') {
            i++;
        }
        int authorityEnd = i;
        while (authorityEnd < s.length() && "/?#".indexOf(s.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String host = host(s.substring(i, authorityEnd), https);
        if (host == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length() + 8).append(scheme).append("://").append(host);
        int hash = s.indexOf('#', authorityEnd);
        int end = hash < 0 ? s.length() : hash;
        int query = s.indexOf('?', authorityEnd);
        if (query >= end) {
            query = -1;
        }
        appendPath(out, s, authorityEnd, query < 0 ? end : query);
        if (query >= 0) {
            appendEncoded(out, s, query, end, true);
        }
        return out.toString();
    }

    private static @Nullable String host(String authority, boolean https) {
        if (authority.isEmpty() || authority.indexOf('@') >= 0) {
            return null;
        }
        int portColon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']') + 1)
                : authority.lastIndexOf(':');
        String host = portColon < 0 ? authority : authority.substring(0, portColon);
        String port = portColon < 0 ? "" : authority.substring(portColon + 1);
        if (host.isEmpty() || port.length() > 5) {
            return null;
        }
        for (int i = 0; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return null;
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c > 0x7e) {
                try {
                    host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    return null;
                }
                break;
            }
            if (c <= ' ' || "%<>\"^`{|}".indexOf(c) >= 0) {
                return null;
            }
        }
        if (port.isEmpty()) {
            return host;
        }
        int p = Integer.parseInt(port);
        if (p > 65535) {
            return null;
        }
        return p == (https ? 443 : 80) ? host : host + ":" + p;
    }

    private static void appendPath(StringBuilder out, String s, int start, int end) {
        if (start == end) {
            out.append('/');
            return;
        }
        if (s.indexOf('.', start) < 0 || s.indexOf('.', start) >= end) {
            if (s.indexOf('%', start) < 0 || s.indexOf('%', start) >= end) {
                appendEncoded(out, s, start, end, false);
                return;
            }
        }
        int mark = out.length();
        // Dot segments removed after RFC 3986 5.2.4, segment by segment.
        int i = start;
        while (i < end) {
            int next = s.indexOf('/', i + 1);
            if (next < 0 || next > end) {
                next = end;
            }
            String segment = s.substring(i + 1, next);
            boolean last = next == end;
            if (isDot(segment)) {
                if (last) {
                    out.append('/');
                }
            } else if (isDotDot(segment)) {
                int cut = out.lastIndexOf("/");
                if (cut >= mark) {
                    out.setLength(cut);
                }
                if (last) {
                    out.append('/');
                }
            } else {
                out.append('/');
                appendEncoded(out, segment, 0, segment.length(), false);
            }
            i = next;
        }
        if (out.length() == mark) {
            out.append('/');
        }
    }

    private static boolean isDot(String segment) {
        return segment.equals(".") || segment.equalsIgnoreCase("%2e");
    }

    private static boolean isDotDot(String segment) {
        return segment.equals("..") || segment.equalsIgnoreCase(".%2e") || segment.equalsIgnoreCase("%2e.")
                || segment.equalsIgnoreCase("%2e%2e");
    }

    private static void appendEncoded(StringBuilder out, String s, int start, int end, boolean query) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < 0x7f && c != '"' && c != '<' && c != '>' && (query ? c != '\'' : c != '`'
                    && c != '{' && c != '}')) {
                out.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                percent(out, s.substring(i, i + 2));
                i++;
            } else {
                percent(out, String.valueOf(Character.isSurrogate(c) ? '\uFFFD' : c));
            }
        }
    }

    private static void percent(StringBuilder out, String chars) {
        for (byte b : chars.getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
    }
}
