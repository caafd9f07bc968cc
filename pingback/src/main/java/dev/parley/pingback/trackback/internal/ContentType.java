package dev.parley.pingback.trackback.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The media type and charset parameter of a Content-Type header value (RFC 9110 syntax, leniently). Not API.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mediaType the type and subtype, lower case, e.g. {@code application/x-www-form-urlencoded}
 * @param charset the charset parameter as written (quotes removed), or null when absent
 */
public record ContentType(String mediaType, @Nullable String charset) {

    /** The media type of an HTML form post. */
    public static final String FORM = "application/x-www-form-urlencoded";

    /**
     * Parses a header value.
     *
     * @param header the Content-Type value
     * @return the parsed value; a header without a slash gives an empty media type
     */
    public static ContentType parse(String header) {
        String[] parts = header.split(";", -1);
        String media = parts[0].strip().toLowerCase(Locale.ROOT);
        if (media.indexOf('/') < 0) {
            media = "";
        }
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String value = param.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!value.isEmpty() && charset == null) {
                    charset = value;
                }
            }
        }
        return new ContentType(media, charset);
    }
}
