/**
 * Sending linkbacks for a host's posts through a durable outbox: {@link dev.parley.core.outbox.Outbox} turns
 * "this post was published, updated or deleted" into queued sends (to the union of the old and new targets,
 * as Webmention 3.1.4 and 3.1.5 require), delivers them with workers that claim with a lease, retries with
 * exponential back-off and jitter, caps concurrency per target host, and keeps each target's result for the
 * author and the moderator. The protocols themselves are the host's {@link dev.parley.core.outbox.LinkbackDelivery}
 * (usually a few lines over {@code parley-pingback}'s {@code LinkbackSender}).
 */
@NullMarked
package dev.parley.core.outbox;

import org.jspecify.annotations.NullMarked;
