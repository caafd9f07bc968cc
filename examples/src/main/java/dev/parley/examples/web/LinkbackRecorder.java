package dev.parley.examples.web;

import dev.parley.core.ClientContext;
import dev.parley.core.CommentService;
import dev.parley.core.LinkbackDetails;
import dev.parley.core.LinkbackRequest;
import dev.parley.core.LinkbackType;
import dev.parley.examples.Post;
import dev.parley.pingback.Fault;
import dev.parley.pingback.LinkbackAuthor;
import dev.parley.pingback.Protocol;
import dev.parley.pingback.LinkbackReceiver;
import dev.parley.pingback.LinkbackResult;
import dev.parley.pingback.Reverification;
import dev.parley.pingback.TargetCheck;
import dev.parley.pingback.VerifiedLinkback;
import dev.parley.pingback.fetch.SafeFetcher;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Kind;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The glue between the linkback toolkit and the comment engine, the few lines a host writes: find the post a
 * target names, let {@code parley-pingback} fetch the source safely and verify it links there, and record what
 * it found through {@link CommentService#recordLinkback(LinkbackRequest)} (so linkbacks pass moderation and
 * the duplicate check like comments do).
 *
 * <p>The three protocol servlets share it; each maps an {@link Outcome} to its own wire format. Webmentions
 * also follow the W3C update and delete rules: a source seen before that no longer links, or is gone, removes
 * the mention.
 *
 * <p>Thread-safe: immutable; the receiver, service and store are thread-safe.
 */
public final class LinkbackRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(LinkbackRecorder.class);

    /**
     * How many Pingback and TrackBack sources are fetched at once. Those protocols verify inside the request,
     * so without a bound a flood of pings would hold as many server threads and aim as many fetches at a third
     * party; past it a ping is refused at once with a generic fault and may be sent again later. Webmention is
     * bounded by its own queue.
     */
    static final int MAX_SYNCHRONOUS_FETCHES = 4;

    private final CommentService comments;
    private final CommentStore store;
    private final SiteUrls urls;
    private final LinkbackReceiver receiver;
    private final Consumer<Outcome> listener;
    private final Semaphore synchronousFetches = new Semaphore(MAX_SYNCHRONOUS_FETCHES);

    /**
     * What became of one linkback.
     *
     * @param protocol how it arrived
     * @param source the source URL as sent
     * @param target the target URL as sent
     * @param recorded the comment now stored for it (new, or the one recorded before), or {@code null}
     * @param fault why it was refused ({@link Fault#ALREADY_REGISTERED} beside the earlier comment), or
     *     {@code null} when it was recorded now
     * @param message a short human explanation
     */
    public record Outcome(Protocol protocol, String source, String target, @Nullable Comment recorded,
            @Nullable Fault fault, String message) {

        /** Checks that {@code recorded} or {@code fault} is set (both for an already registered linkback). */
        public Outcome {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(message, "message");
            if (recorded == null && fault == null) {
                throw new IllegalArgumentException("an outcome has a recorded comment or a fault");
            }
        }

        /**
         * Whether the linkback is (now or already) on the post.
         *
         * @return true when recorded
         */
        public boolean accepted() {
            return fault == null;
        }
    }

    /**
     * Creates the recorder.
     *
     * @param comments the engine that records linkbacks
     * @param store the store, to tell a Webmention update from a new one
     * @param urls the site's URLs, to map targets to posts
     * @param fetcher the fetcher sources are read with; its address policy is the SSRF protection
     * @param listener told of every outcome, on the thread that produced it
     */
    public LinkbackRecorder(CommentService comments, CommentStore store, SiteUrls urls, SafeFetcher fetcher,
            Consumer<Outcome> listener) {
        this.comments = Objects.requireNonNull(comments, "comments");
        this.store = Objects.requireNonNull(store, "store");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.receiver = LinkbackReceiver.builder()
                .fetcher(Objects.requireNonNull(fetcher, "fetcher"))
                .targetCheck(candidate -> urls.postOf(candidate).isPresent()
                        ? TargetCheck.Verdict.open()
                        : TargetCheck.Verdict.notFound("the target is not a post of this blog"))
                .registrationCheck((protocol, source, target) -> urls.postOf(target)
                        .flatMap(post -> store.findLinkback(post.thread(), source)).isPresent())
                .build();
    }

    /**
     * Runs the receiver's checks that need no fetch (URL rules, distinct URLs, the target is a post), for
     * servlets that answer at once and verify later.
     *
     * @param source the source URL as sent
     * @param target the target URL as sent
     * @return the rejection, or empty when the linkback is worth verifying
     */
    public Optional<LinkbackResult.Rejected> precheck(String source, String target) {
        return receiver.precheck(source, target);
    }

    /**
     * The post a target URL names, for servlets that check it before queueing work.
     *
     * @param target the target URL
     * @return the post, or empty
     */
    public Optional<Post> postOf(String target) {
        return urls.postOf(target);
    }

    /**
     * Verifies and records a Pingback or Webmention.
     *
     * @param protocol {@link Protocol#PINGBACK} or {@link Protocol#WEBMENTION}
     * @param source the page that links
     * @param target the post it links to
     * @param client who sent it
     * @return the outcome
     */
    public Outcome receive(Protocol protocol, String source, String target, ClientContext client) {
        return receive(protocol, source, target, null, null, null, client);
    }

    /**
     * Verifies and records a queued Webmention, for {@link WebmentionQueue}'s workers. Unlike
     * {@link #receive}, a storage failure or bug is thrown, not turned into an outcome, so that the queue can
     * retry the job; the listener hears only of outcomes.
     *
     * @param source the page that links
     * @param target the post it links to
     * @param client who sent it
     * @return the outcome
     * @throws RuntimeException if verifying or recording failed; nothing is recorded then
     */
    public Outcome receiveQueuedWebmention(String source, String target, ClientContext client) {
        Outcome outcome = verifyAndRecord(Protocol.WEBMENTION, source, target, null, null, null, client);
        listener.accept(outcome);
        return outcome;
    }

    /**
     * Verifies and records a TrackBack: the title, excerpt and blog name are the ping's when it sent them,
     * else the page's, and are recorded only if the source page really links to the post.
     *
     * @param post the post pinged
     * @param source the page that links
     * @param title the ping's title, or {@code null}
     * @param excerpt the ping's excerpt, or {@code null}
     * @param blogName the ping's blog name, or {@code null}
     * @param client who sent it
     * @return the outcome
     */
    public Outcome receiveTrackback(Post post, String source, @Nullable String title, @Nullable String excerpt,
            @Nullable String blogName, ClientContext client) {
        return receive(Protocol.TRACKBACK, source, urls.post(post), title, excerpt, blogName, client);
    }

    private Outcome receive(Protocol protocol, String source, String target, @Nullable String pingTitle,
            @Nullable String pingExcerpt, @Nullable String pingBlogName, ClientContext client) {
        boolean bounded = protocol != Protocol.WEBMENTION;
        Outcome outcome;
        if (bounded && !synchronousFetches.tryAcquire()) {
            outcome = new Outcome(protocol, source, target, null, Fault.GENERIC,
                    "too many linkbacks are being verified; please try again later");
        } else {
            try {
                outcome = verifyAndRecord(protocol, source, target, pingTitle, pingExcerpt, pingBlogName, client);
            } catch (RuntimeException e) {
                // A bug or a storage failure: the remote blog gets a generic fault, the log gets the cause.
                LOG.warn("linkback from {} to {} failed", source, target, e);
                outcome = new Outcome(protocol, source, target, null, Fault.GENERIC,
                        "the linkback could not be recorded");
            } finally {
                if (bounded) {
                    synchronousFetches.release();
                }
            }
        }
        listener.accept(outcome);
        return outcome;
    }

    private Outcome verifyAndRecord(Protocol protocol, String source, String target, @Nullable String pingTitle,
            @Nullable String pingExcerpt, @Nullable String pingBlogName, ClientContext client) {
        Optional<Post> post = urls.postOf(target);
        if (post.isEmpty()) {
            return refused(protocol, source, target, Fault.TARGET_NOT_FOUND, "the target is not a post of this blog");
        }
        if (protocol == Protocol.WEBMENTION) {
            Optional<Comment> existing = store.findLinkback(post.get().thread(), source);
            if (existing.isPresent()) {
                return reverify(post.get(), source, target, existing.get(), client);
            }
        }
        LinkbackResult result = receiver.receive(protocol, source, target);
        if (result instanceof LinkbackResult.Rejected rejected) {
            return refused(protocol, source, target, rejected.fault(), rejected.message());
        }
        VerifiedLinkback verified = ((LinkbackResult.Accepted) result).linkback();
        Kind kind = switch (protocol) {
            case PINGBACK -> Kind.PINGBACK;
            case TRACKBACK -> Kind.TRACKBACK;
            case WEBMENTION -> Kind.WEBMENTION;
        };
        // TrackBack sends its own title, excerpt and blog name (plain text once parsed); the other protocols
        // take them from the page: its h-entry's own words when it has one, else the text around the link.
        String title = pingTitle != null && !pingTitle.isBlank() ? pingTitle : verified.title();
        String text = pingExcerpt != null && !pingExcerpt.isBlank() ? pingExcerpt : verified.text();
        String author = authorOf(verified, pingBlogName);
        dev.parley.core.LinkbackResult recorded = comments.recordLinkback(new LinkbackRequest(post.get().thread(),
                kind, verified.source(), title, text, author, client, detailsOf(verified)));
        if (recorded instanceof dev.parley.core.LinkbackResult.Recorded done) {
            return new Outcome(protocol, source, target, done.comment(), null, "linkback recorded");
        }
        if (recorded instanceof dev.parley.core.LinkbackResult.AlreadyRegistered already) {
            return new Outcome(protocol, source, target, already.existing(), Fault.ALREADY_REGISTERED,
                    "the linkback was already registered");
        }
        dev.parley.core.LinkbackResult.Rejected rejected = (dev.parley.core.LinkbackResult.Rejected) recorded;
        return refused(protocol, source, target, Fault.ACCESS_DENIED, rejected.message());
    }

    /** A Webmention for a source already recorded: W3C's update and delete rules, through core. */
    private Outcome reverify(Post post, String source, String target, Comment existing, ClientContext client) {
        String stored = existing.linkback() == null ? source : existing.linkback().sourceUrl();
        Reverification check = receiver.reverify(stored, target);
        if (check instanceof Reverification.NoLongerLinks || check instanceof Reverification.Gone) {
            comments.removeLinkback(post.thread(), stored);
            return refused(Protocol.WEBMENTION, source, target, Fault.SOURCE_HAS_NO_LINK,
                    "the source no longer links to the post; the mention was removed");
        }
        if (check instanceof Reverification.StillLinks still) {
            VerifiedLinkback fresh = still.linkback();
            dev.parley.core.LinkbackResult updated = comments.updateLinkback(new LinkbackRequest(post.thread(),
                    Kind.WEBMENTION, stored, fresh.title(), fresh.text(), authorOf(fresh, null), client,
                    detailsOf(fresh)));
            if (updated instanceof dev.parley.core.LinkbackResult.Recorded recorded) {
                return new Outcome(Protocol.WEBMENTION, source, target, recorded.comment(), null,
                        "the mention was updated");
            }
        }
        // Unavailable for now (or an update moderation refused): keep what is there, as the W3C rules say.
        return new Outcome(Protocol.WEBMENTION, source, target, existing, null, "the mention is kept");
    }

    /**
     * The post type, permalink, publication time and author links the page gave, for core to store; a link core
     * would not store (its URL rules are stricter than a browser's) is left out rather than refuse the linkback.
     */
    private static LinkbackDetails detailsOf(VerifiedLinkback verified) {
        LinkbackAuthor author = verified.author();
        return LinkbackDetails.lenient(LinkbackType.valueOf(verified.postType().name()), verified.url(),
                verified.published(), author == null ? null : author.url(), author == null ? null : author.photo());
    }

    private static String authorOf(VerifiedLinkback verified, @Nullable String pingBlogName) {
        if (verified.author() != null && verified.author().name() != null) {
            return verified.author().name();
        }
        return pingBlogName != null && !pingBlogName.isBlank() ? pingBlogName : hostOf(verified.source());
    }

    private static Outcome refused(Protocol protocol, String source, String target, Fault fault, String message) {
        return new Outcome(protocol, source, target, null, fault, message);
    }

    private static String hostOf(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? url : host;
        } catch (java.net.URISyntaxException e) {
            return url;
        }
    }
}
