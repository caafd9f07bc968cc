package dev.parley.migrate.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as WordPress and Disqus's import format write them: {@code yyyy-MM-dd HH:mm:ss}, 24-hour, in UTC.
 *
 * <p>Not API. Stateless and thread-safe.
 */
public final class GmtDates {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss '+0000'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private GmtDates() {
    }

    /**
     * Formats an instant in UTC, to the second.
     *
     * @param instant the instant
     * @return {@code yyyy-MM-dd HH:mm:ss}, e.g. {@code 2024-03-01 18:05:09}
     */
    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /**
     * Formats an instant as RSS's {@code pubDate} does, in UTC.
     *
     * @param instant the instant
     * @return e.g. {@code Fri, 01 Mar 2024 18:05:09 +0000}
     */
    public static String rfc822(Instant instant) {
        return RFC_822.format(instant);
    }
}
