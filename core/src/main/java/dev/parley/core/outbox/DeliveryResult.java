package dev.parley.core.outbox;

import dev.parley.storage.outbox.SendStatus;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one delivery attempt came to, as a {@link LinkbackDelivery} reports it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status {@link SendStatus#SENT}, {@link SendStatus#NO_ENDPOINT}, {@link SendStatus#REFUSED} (unsafe
 *     address, nothing contacted) or {@link SendStatus#FAILED}
 * @param retryable for a failure, whether trying again later may succeed (timeouts, 5xx, 429); false otherwise
 * @param protocol the protocol of the (last) attempt, e.g. {@code "WEBMENTION"}, or null if none was tried
 * @param endpoint the endpoint of the (last) attempt, or null
 * @param httpStatus the HTTP status of the answer, or 0
 * @param location the receiver's status URL (a Webmention 201 or 202 {@code Location}), or null
 * @param reason a human-readable explanation, or null (at most {@link #MAX_REASON_LENGTH} characters are kept)
 */
public record DeliveryResult(SendStatus status, boolean retryable, @Nullable String protocol, @Nullable String endpoint,
        int httpStatus, @Nullable String location, @Nullable String reason) {

    /** The longest reason kept; longer ones are cut. */
    public static final int MAX_REASON_LENGTH = 1_000;

    /**
     * Checks the components and cuts an over-long reason.
     *
     * @throws NullPointerException if {@code status} is null
     * @throws IllegalArgumentException if the status is {@link SendStatus#QUEUED} or {@link SendStatus#RETRYING}
     *     (the outbox's own states), a non-failure is retryable, or {@code httpStatus} is neither 0 nor 100..599
     */
    public DeliveryResult {
        Objects.requireNonNull(status, "status must not be null");
        if (status == SendStatus.QUEUED || status == SendStatus.RETRYING) {
            throw new IllegalArgumentException("a delivery ends SENT, NO_ENDPOINT, REFUSED or FAILED, not " + status);
        }
        if (retryable && status != SendStatus.FAILED) {
            throw new IllegalArgumentException("only a failure can be retryable, not " + status);
        }
        if (httpStatus != 0 && (httpStatus < 100 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be 0 or 100..599, was " + httpStatus);
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH - 1) + "\u2026";
        }
    }

    /**
     * A delivery the receiver accepted.
     *
     * @param protocol the protocol
     * @param endpoint the endpoint
     * @param httpStatus the answer's status
     * @param location the status URL, or null
     * @return the delivery
     */
    public static DeliveryResult sent(String protocol, String endpoint, int httpStatus, @Nullable String location) {
        return new DeliveryResult(SendStatus.SENT, false, protocol, endpoint, httpStatus, location, null);
    }

    /**
     * A target that advertises no endpoint.
     *
     * @param reason why
     * @return the delivery
     */
    public static DeliveryResult noEndpoint(String reason) {
        return new DeliveryResult(SendStatus.NO_ENDPOINT, false, null, null, 0, null, reason);
    }

    /**
     * A target or endpoint on an address the policy refuses; nothing was contacted.
     *
     * @param reason why
     * @return the delivery
     */
    public static DeliveryResult refused(String reason) {
        return new DeliveryResult(SendStatus.REFUSED, false, null, null, 0, null, reason);
    }

    /**
     * A failed delivery.
     *
     * @param retryable whether a later attempt may succeed
     * @param protocol the protocol tried, or null
     * @param endpoint the endpoint tried, or null
     * @param httpStatus the answer's status, or 0
     * @param reason why
     * @return the delivery
     */
    public static DeliveryResult failed(boolean retryable, @Nullable String protocol, @Nullable String endpoint,
            int httpStatus, String reason) {
        return new DeliveryResult(SendStatus.FAILED, retryable, protocol, endpoint, httpStatus, null, reason);
    }
}
