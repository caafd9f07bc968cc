package dev.parley.core.outbox;

import java.net.URI;

/**
 * Delivers one linkback: discovers the target's endpoints and sends by whichever protocol it serves. The
 * {@link Outbox} calls it from its workers, once per queued send (again on retries).
 *
 * <p>With {@code parley-pingback}, the usual implementation maps its {@code LinkbackSender}'s outcome:
 *
 * <pre>{@code
 * LinkbackSender sender = LinkbackSender.builder().build();
 * LinkbackDelivery delivery = (source, target) -> {
 *     SendOutcome outcome = sender.send(source, target);
 *     if (outcome instanceof SendOutcome.Sent sent) {
 *         return DeliveryResult.sent(sent.protocol().name(), sent.endpoint().toString(), sent.status(),
 *                 sent.location().map(URI::toString).orElse(null));
 *     } else if (outcome instanceof SendOutcome.NoEndpoint none) {
 *         return DeliveryResult.noEndpoint(none.reason());
 *     } else if (outcome instanceof SendOutcome.Refused refused) {
 *         return DeliveryResult.refused(refused.reason());
 *     }
 *     SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
 *     return DeliveryResult.failed(failed.retryable(), failed.protocol() == null ? null : failed.protocol().name(),
 *             failed.endpoint() == null ? null : failed.endpoint().toString(), failed.status(), failed.reason());
 * };
 * }</pre>
 *
 * <p>Implementations must be thread-safe (several workers call at once), must bound their own time (the
 * outbox's lease must outlast a delivery), and report every outcome as a {@link DeliveryResult} rather than throw;
 * an exception is treated as a retryable failure.
 */
@FunctionalInterface
public interface LinkbackDelivery {

    /**
     * Sends the linkback from {@code source} to {@code target}.
     *
     * @param source the post that links (or linked) to the target
     * @param target the page linked to
     * @return what became of it
     */
    DeliveryResult deliver(URI source, URI target);
}
