package dev.parley.storage.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of a send to one target, as a worker {@linkplain LinkbackOutbox#record records} it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status where the send stands
 * @param protocol or null: the protocol used or last tried ({@code "WEBMENTION"}, {@code "PINGBACK"},
 *     {@code "TRACKBACK"}), 1 to {@value #MAX_PROTOCOL_LENGTH} characters without control characters
 * @param endpoint or null: the endpoint contacted, 1 to {@value LinkbackOutbox#MAX_URL_LENGTH} characters without
 *     control characters
 * @param httpStatus the HTTP status of the last answer, 0 if none, else 100 to 999
 * @param location or null: the {@code Location} a Webmention receiver answered with, 1 to
 *     {@value LinkbackOutbox#MAX_URL_LENGTH} characters without control characters
 * @param reason or null: why, in words, 0 to {@value #MAX_REASON_LENGTH} characters; tab, line feed and carriage
 *     return are its only control characters
 * @param attempts how many attempts were made so far, 0 or more
 * @param at when the result was known, truncated to microseconds
 */
public record SendResult(SendStatus status, String protocol, String endpoint, int httpStatus, String location,
        String reason, int attempts, Instant at) {

    /** The longest protocol name accepted. */
    public static final int MAX_PROTOCOL_LENGTH = 32;
    /** The longest reason accepted. */
    public static final int MAX_REASON_LENGTH = 1_000;

    /**
     * Checks every component.
     *
     * @throws NullPointerException if {@code status} or {@code at} is null
     * @throws IllegalArgumentException naming the component, if one is out of range
     */
    public SendResult {
        Objects.requireNonNull(status, "send status must not be null");
        OutboxChecks.optionalToken(protocol, "send protocol", MAX_PROTOCOL_LENGTH);
        OutboxChecks.optionalToken(endpoint, "send endpoint", LinkbackOutbox.MAX_URL_LENGTH);
        OutboxChecks.httpStatus(httpStatus);
        OutboxChecks.optionalToken(location, "send location", LinkbackOutbox.MAX_URL_LENGTH);
        OutboxChecks.reason(reason);
        OutboxChecks.attempts(attempts);
        at = OutboxChecks.instant(at, "send result time");
    }
}
