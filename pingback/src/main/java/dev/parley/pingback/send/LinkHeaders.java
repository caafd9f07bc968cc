package dev.parley.pingback.send;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parser of HTTP {@code Link} header values after RFC 8288 section 3, for discovery: the link-values with
 * their targets and {@code rel} values.
 *
 * <p>{@code Link = #link-value}, {@code link-value = "<" URI-Reference ">" *( OWS ";" OWS link-param )},
 * {@code link-param = token BWS [ "=" BWS ( token / quoted-string ) ]}. So a target may hold {@code ,} and
 * {@code ;} (it ends at {@code >}), a parameter value may be a token or a quoted string with backslash escapes,
 * parameter names are case-insensitive, and only the first {@code rel} of a link-value counts (section 3.3). The
 * relation types are the {@code rel} value split on spaces, tabs and line breaks, compared case-insensitively. A
 * link-value that does not follow the grammar is skipped up to the next top-level comma, and the rest of the
 * header is still read. Stateless.
 */
final class LinkHeaders {

    private LinkHeaders() {
    }

    /**
     * One well-formed link-value.
     *
     * @param target the URI-Reference between the angle brackets, not yet resolved
     * @param rel the value of its first {@code rel} parameter, unquoted, or null
     */
    record LinkValue(String target, @Nullable String rel) {
    }

    /** Parses one header value into its well-formed link-values, in order. */
    static List<LinkValue> parse(String header) {
        List<LinkValue> links = new ArrayList<>(2);
        int length = header.length();
        int i = 0;
        while (i < length) {
            i = skipSpace(header, i);
            if (i < length && header.charAt(i) == ',') {
                i++;
                continue;
            }
            if (i >= length) {
                break;
            }
            if (header.charAt(i) != '<') {
                i = nextComma(header, i);
                continue;
            }
            int close = header.indexOf('>', i + 1);
            if (close < 0) {
                break;
            }
            String target = header.substring(i + 1, close).strip();
            i = close + 1;
            String rel = null;
            boolean relSeen = false;
            boolean wellFormed = true;
            while (true) {
                i = skipSpace(header, i);
                if (i >= length || header.charAt(i) == ',') {
                    break;
                }
                if (header.charAt(i) != ';') {
                    wellFormed = false;
                    i = nextComma(header, i);
                    break;
                }
                i = skipSpace(header, i + 1);
                int nameStart = i;
                while (i < length && isTokenChar(header.charAt(i))) {
                    i++;
                }
                String name = header.substring(nameStart, i);
                i = skipSpace(header, i);
                String value = null;
                if (i < length && header.charAt(i) == '=') {
                    i = skipSpace(header, i + 1);
                    if (i < length && header.charAt(i) == '"') {
                        StringBuilder quoted = new StringBuilder();
                        i++;
                        boolean closed = false;
                        while (i < length) {
                            char c = header.charAt(i++);
                            if (c == '"') {
                                closed = true;
                                break;
                            }
                            if (c == '\\' && i < length) {
                                c = header.charAt(i++);
                            }
                            quoted.append(c);
                        }
                        if (!closed) {
                            wellFormed = false;
                            break;
                        }
                        value = quoted.toString();
                    } else {
                        int valueStart = i;
                        while (i < length && isTokenChar(header.charAt(i))) {
                            i++;
                        }
                        value = header.substring(valueStart, i);
                    }
                }
                if (name.isEmpty() && value == null) {
                    continue;
                }
                if (name.isEmpty()) {
                    wellFormed = false;
                    i = nextComma(header, i);
                    break;
                }
                if (!relSeen && name.equalsIgnoreCase("rel")) {
                    relSeen = true;
                    rel = value;
                }
            }
            if (wellFormed) {
                links.add(new LinkValue(target, rel));
            }
        }
        return links;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\r'
                || s.charAt(i) == '\n')) {
            i++;
        }
        return i;
    }

    /** The index of the next comma outside quotes and angle brackets, or the end. */
    private static int nextComma(String s, int i) {
        boolean quoted = false;
        boolean bracketed = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (bracketed) {
                bracketed = c != '>';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                bracketed = true;
            } else if (c == ',') {
                return i;
            }
        }
        return i;
    }

    /** RFC 9110 tchar. */
    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
