package dev.parley.migrate.disqus;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Reads Disqus's {@code createdAt}: ISO-8601 in UTC, usually with {@code Z}, sometimes without a zone (the
 * export documentation's own example), sometimes with an offset in hand-made files, fractional seconds allowed.
 * A value without a zone is UTC, never the machine's zone.
 *
 * <p>Stateless and thread-safe.
 */
final class DisqusDates {

    private DisqusDates() {
    }

    /**
     * Parses a date.
     *
     * @param raw the text as written; surrounding whitespace is ignored
     * @return the instant, or null when the text is not an ISO-8601 date-time
     */
    static @Nullable Instant parse(String raw) {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(raw.strip(), ZonedDateTime::from,
                    LocalDateTime::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return zoned.toInstant();
            }
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
