package dev.parley.examples;

import dev.parley.core.outbox.DeliveryResult;
import dev.parley.core.outbox.LinkbackDelivery;
import dev.parley.core.outbox.Outbox;
import dev.parley.pingback.fetch.SafeFetcher;
import dev.parley.pingback.send.LinkExtractor;
import dev.parley.pingback.send.LinkbackSender;
import dev.parley.pingback.send.SendOutcome;
import dev.parley.pingback.send.TrackbackDetails;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The glue between the demo's posts and Parley's sending side: a {@link PostListener} that hands each saved or
 * deleted post to the {@link Outbox}, and the {@link LinkbackDelivery} that sends one linkback with
 * {@code parley-pingback}'s {@link LinkbackSender}. This is the part a host writes itself; the rest is the
 * library's.
 *
 * <p>Immutable and thread-safe.
 */
public final class LinkbackSending implements PostListener {

    private final Outbox outbox;

    /**
     * Creates the listener.
     *
     * @param outbox the outbox the posts' sends go through
     */
    public LinkbackSending(Outbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** Queues a send to every link of the post as saved now and to every link it had before. */
    @Override
    public void saved(Post post, URI url, String html) {
        outbox.published(url, LinkExtractor.extract(url, html));
    }

    /** Queues a send to every link the post had, which learn of the deletion from its 410 Gone. */
    @Override
    public void deleted(Post post, URI url) {
        outbox.deleted(url);
    }

    /**
     * The delivery: discovers the target's endpoints and sends by Webmention, else Pingback, else TrackBack, all
     * through {@code fetcher} and so under its address policy. A TrackBack carries the post's title and the blog's
     * name when {@code posts} knows the source.
     *
     * @param fetcher the fetcher every request goes through
     * @param posts the post behind a source URL, if it is one of the blog's
     * @param blogName the blog's name, sent as a TrackBack's {@code blog_name}
     * @return the delivery
     */
    public static LinkbackDelivery delivery(SafeFetcher fetcher, Function<URI, Optional<Post>> posts,
            String blogName) {
        LinkbackSender sender = LinkbackSender.builder().fetcher(fetcher).build();
        return (source, target) -> {
            TrackbackDetails details = posts.apply(source)
                    .map(post -> new TrackbackDetails(post.title(), "", blogName))
                    .orElse(TrackbackDetails.none());
            return delivery(sender.send(source, target, details));
        };
    }

    /**
     * The outbox's view of a sender's outcome.
     *
     * @param outcome what the sender reported
     * @return the same, as a {@link DeliveryResult}
     */
    static DeliveryResult delivery(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent sent) {
            return DeliveryResult.sent(sent.protocol().name(), sent.endpoint().toString(), sent.status(),
                    sent.location().map(URI::toString).orElse(null));
        }
        if (outcome instanceof SendOutcome.NoEndpoint none) {
            return DeliveryResult.noEndpoint(none.reason());
        }
        if (outcome instanceof SendOutcome.Refused refused) {
            return DeliveryResult.refused(refused.reason());
        }
        SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
        return DeliveryResult.failed(failed.retryable(), failed.protocol() == null ? null : failed.protocol().name(),
                failed.endpoint() == null ? null : failed.endpoint().toString(), failed.status(),
                failed.faultCode() == 0 ? failed.reason() : "fault " + failed.faultCode() + ": " + failed.reason());
    }
}
