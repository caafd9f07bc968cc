package dev.parley.migrate.wxr;

import dev.parley.storage.Kind;
import dev.parley.storage.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Set;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * What WXR's raw values mean: its namespaces, statuses, types and dates, and the HTML entities of its names.
 *
 * <p>Stateless and thread-safe.
 */
final class WxrValues {

    /** The {@code wp} namespaces of WXR 1.0 to 1.2; WordPress.com writes the https ones. */
    static final Set<String> WP_NAMESPACES = Set.of(
            "http://wordpress.org/export/1.0/", "https://wordpress.org/export/1.0/",
            "http://wordpress.org/export/1.1/", "https://wordpress.org/export/1.1/",
            "http://wordpress.org/export/1.2/", "https://wordpress.org/export/1.2/");

    /** The namespace of Disqus's WXR-based import format ({@code dsq:thread_identifier}). */
    static final String DISQUS_NAMESPACE = "http://www.disqus.com/";

    /** WordPress's MySQL {@code DATETIME} text; the zone is the caller's to say. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final String ZERO_DATE = "0000-00-00 00:00:00";

    private WxrValues() {
    }

    /**
     * Tells whether a namespace URI is one of WXR's {@code wp} namespaces.
     *
     * @param uri the URI, empty for none
     * @return true for the six {@code wp} namespaces
     */
    static boolean isWp(String uri) {
        return WP_NAMESPACES.contains(uri);
    }

    /**
     * Maps {@code comment_approved}.
     *
     * @param raw the trimmed value
     * @return the status, or null if the value is not one WordPress or its plugins write
     */
    static @Nullable Status status(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "1", "approve", "approved" -> Status.APPROVED;
            case "0", "hold" -> Status.PENDING;
            case "spam" -> Status.SPAM;
            case "trash", "post-trashed" -> Status.DELETED;
            default -> null;
        };
    }

    /**
     * Maps {@code comment_type}.
     *
     * @param raw the trimmed value
     * @return the kind, or null for a type Parley has no kind for (an editor's {@code note}, a plugin's type)
     */
    static @Nullable Kind kind(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "", "comment" -> Kind.COMMENT;
            case "pingback" -> Kind.PINGBACK;
            case "trackback" -> Kind.TRACKBACK;
            case "webmention" -> Kind.WEBMENTION;
            default -> null;
        };
    }

    /**
     * Reads a {@code yyyy-MM-dd HH:mm:ss} date as UTC.
     *
     * @param raw the trimmed value, or null
     * @return the instant, or null if the value is missing, {@code 0000-00-00 00:00:00} or not such a date
     */
    static @Nullable Instant utc(@Nullable String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.length() == ZERO_DATE.length() && raw.charAt(4) == '-' && raw.charAt(7) == '-'
                && raw.charAt(10) == ' ' && raw.charAt(13) == ':' && raw.charAt(16) == ':') {
            return utcByHand(raw);
        }
        // Any other shape (a signed or five-digit year, a stray character) is the formatter's to judge.
        try {
            return LocalDateTime.parse(raw, DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Reads {@code yyyy-MM-dd HH:mm:ss} with its separators in place, as the formatter would but without its
     * per-call objects: an import reads two dates per comment. A field that is not all ASCII digits, or a value
     * out of its range (month 13, February 30, hour 24, second 60, the zero date), is no date, as the strict
     * formatter finds.
     */
    private static @Nullable Instant utcByHand(String raw) {
        int year = digits(raw, 0, 4);
        int month = digits(raw, 5, 2);
        int day = digits(raw, 8, 2);
        int hour = digits(raw, 11, 2);
        int minute = digits(raw, 14, 2);
        int second = digits(raw, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second);
    }

    /** The value of {@code length} ASCII digits from {@code start}, or -1 if one is not such a digit. */
    private static int digits(String raw, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Says why a date could not be used.
     *
     * @param name what the date is, as the message should name it
     * @param raw the trimmed value, or null
     * @return a phrase such as {@code comment_date_gmt is 0000-00-00 00:00:00}
     */
    static String unusable(String name, @Nullable String raw) {
        if (raw == null) {
            return name + " is missing";
        }
        if (raw.isEmpty()) {
            return name + " is empty";
        }
        if (raw.equals(ZERO_DATE)) {
            return name + " is " + ZERO_DATE;
        }
        return name + " \"" + raw + "\" is not a yyyy-MM-dd HH:mm:ss date";
    }

    /**
     * Decodes HTML entities once, as WordPress stores author names and titles escaped ({@code Tom &amp; Jerry},
     * {@code What&#8217;s}), and trims the result.
     *
     * @param raw the value after XML decoding
     * @return the plain text
     */
    static String decodeHtml(String raw) {
        return raw.indexOf('&') < 0 ? XmlText.trim(raw) : XmlText.trim(Parser.unescapeEntities(raw, false));
    }
}
