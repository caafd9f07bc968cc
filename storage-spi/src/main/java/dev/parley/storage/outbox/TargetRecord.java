package dev.parley.storage.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One target of a source as the outbox keeps it: whether the source links to it now, and the last send's
 * result (the fields of {@link SendResult}, all empty while {@link SendStatus#QUEUED}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the source URL (the post), as planned
 * @param target the target URL, as planned
 * @param live true if the source's last plan links to it; false if only an earlier one did
 * @param status where its send stands
 * @param protocol or null: as in {@link SendResult#protocol()}
 * @param endpoint or null: as in {@link SendResult#endpoint()}
 * @param httpStatus as in {@link SendResult#httpStatus()}
 * @param location or null: as in {@link SendResult#location()}
 * @param reason or null: as in {@link SendResult#reason()}
 * @param attempts as in {@link SendResult#attempts()}
 * @param updatedAt when the record last changed: the plan that queued it, or the result's time
 */
public record TargetRecord(String source, String target, boolean live, SendStatus status, String protocol,
        String endpoint, int httpStatus, String location, String reason, int attempts, Instant updatedAt) {

    /**
     * Checks every component, as {@link SendResult} and {@link LinkbackOutbox#plan} do.
     *
     * @throws NullPointerException if a component other than the nullable ones is null
     * @throws IllegalArgumentException naming the component, if one is out of range
     */
    public TargetRecord {
        OutboxChecks.url(source, "source");
        OutboxChecks.url(target, "target");
        Objects.requireNonNull(status, "send status must not be null");
        OutboxChecks.optionalToken(protocol, "send protocol", SendResult.MAX_PROTOCOL_LENGTH);
        OutboxChecks.optionalToken(endpoint, "send endpoint", LinkbackOutbox.MAX_URL_LENGTH);
        OutboxChecks.httpStatus(httpStatus);
        OutboxChecks.optionalToken(location, "send location", LinkbackOutbox.MAX_URL_LENGTH);
        OutboxChecks.reason(reason);
        OutboxChecks.attempts(attempts);
        updatedAt = OutboxChecks.instant(updatedAt, "updated at");
    }

    /**
     * A freshly queued record: no result known.
     *
     * @param source the source URL
     * @param target the target URL
     * @param live whether the source links to it now
     * @param at when it was queued
     * @return the record, {@link SendStatus#QUEUED}
     */
    public static TargetRecord queued(String source, String target, boolean live, Instant at) {
        return new TargetRecord(source, target, live, SendStatus.QUEUED, null, null, 0, null, null, 0, at);
    }

    /**
     * This record with a send's result in place of its own; {@code source}, {@code target} and {@code live}
     * stay, and {@code updatedAt} becomes the result's time.
     *
     * @param result the result
     * @return the updated record
     */
    public TargetRecord with(SendResult result) {
        Objects.requireNonNull(result, "result must not be null");
        return new TargetRecord(source, target, live, result.status(), result.protocol(), result.endpoint(),
                result.httpStatus(), result.location(), result.reason(), result.attempts(), result.at());
    }
}
