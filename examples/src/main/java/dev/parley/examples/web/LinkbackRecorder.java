package dev.parley.examples.web;

import dev.parley.core.ClientContext;
import dev.parley.core.CommentService;
import dev.parley.core.LinkbackRequest;
import dev.parley.core.LinkbackResult;
import dev.parley.examples.Post;
import dev.parley.pingback.Fault;
import dev.parley.pingback.Protocol;
import dev.parley.pingback.verify.LinkVerifier;
import dev.parley.pingback.verify.SourceReport;
import dev.parley.pingback.verify.SourceVerification;
import dev.parley.pingback.webmention.SourceCheck;
import dev.parley.pingback.webmention.WebmentionAction;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Kind;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
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
 * <p>Thread-safe: immutable; the verifier, service and store are thread-safe.
 */
public final class LinkbackRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(LinkbackRecorder.class);

    private final CommentService comments;
    private final CommentStore store;
    private final SiteUrls urls;
    private final LinkVerifier verifier;
    private final Consumer<Outcome> listener;

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
     * @param verifier the verifier, built with a {@code SafeFetcher}
     * @param listener told of every outcome, on the thread that produced it
     */
    public LinkbackRecorder(CommentService comments, CommentStore store, SiteUrls urls, LinkVerifier verifier,
            Consumer<Outcome> listener) {
        this.comments = Objects.requireNonNull(comments, "comments");
        this.store = Objects.requireNonNull(store, "store");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (!verifier.canFetch()) {
            throw new IllegalArgumentException("verifier must be built with a fetcher");
        }
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
        Outcome outcome;
        try {
            outcome = verifyAndRecord(protocol, source, target, pingTitle, pingExcerpt, pingBlogName, client);
        } catch (RuntimeException e) {
            // A bug or a storage failure: the remote blog gets a generic fault, the log gets the cause.
            LOG.warn("linkback from {} to {} failed", source, target, e);
            outcome = new Outcome(protocol, source, target, null, Fault.GENERIC, "the linkback could not be recorded");
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
        if (source.length() > dev.parley.storage.Linkback.MAX_SOURCE_URL_LENGTH || !isHttp(source)) {
            return refused(protocol, source, target, Fault.SOURCE_NOT_FOUND, "the source must be an http(s) URL");
        }
        String canonicalTarget = urls.post(post.get());
        SourceVerification verification = verifier.verifySource(source, canonicalTarget);
        Kind kind = switch (protocol) {
            case PINGBACK -> Kind.PINGBACK;
            case TRACKBACK -> Kind.TRACKBACK;
            case WEBMENTION -> Kind.WEBMENTION;
        };
        Optional<Comment> existing = store.findLinkback(post.get().thread(), source);
        if (protocol == Protocol.WEBMENTION) {
            SourceCheck check = verification instanceof SourceVerification.Fetched fetched
                    ? SourceCheck.of(200, fetched.report().linksToTarget())
                    : ((SourceVerification.Unavailable) verification).gone() ? SourceCheck.GONE : SourceCheck.UNAVAILABLE;
            WebmentionAction action = WebmentionAction.decide(existing.isPresent(), check);
            if (action == WebmentionAction.DELETE) {
                comments.delete(existing.orElseThrow().id());
                return refused(protocol, source, target, Fault.SOURCE_HAS_NO_LINK,
                        "the source no longer links to the post; the mention was removed");
            }
            if (action == WebmentionAction.KEEP || action == WebmentionAction.UPDATE) {
                return new Outcome(protocol, source, target, existing.orElseThrow(), null,
                        "the mention was already recorded");
            }
        }
        if (verification instanceof SourceVerification.Unavailable unavailable) {
            return refused(protocol, source, target, unavailable.fault(), unavailable.message());
        }
        SourceReport report = ((SourceVerification.Fetched) verification).report();
        if (!report.linksToTarget()) {
            return refused(protocol, source, target, Fault.SOURCE_HAS_NO_LINK, "the source does not link to the post");
        }
        String title = pingTitle != null && !pingTitle.isBlank() ? pingTitle : report.title();
        String excerpt = pingExcerpt != null && !pingExcerpt.isBlank() ? pingExcerpt : report.excerpt();
        String author = report.author() != null && report.author().name() != null ? report.author().name()
                : pingBlogName != null && !pingBlogName.isBlank() ? pingBlogName : hostOf(source);
        LinkbackResult result = comments.recordLinkback(
                new LinkbackRequest(post.get().thread(), kind, source, title, excerpt, author, client));
        if (result instanceof LinkbackResult.Recorded recorded) {
            return new Outcome(protocol, source, target, recorded.comment(), null, "linkback recorded");
        }
        if (result instanceof LinkbackResult.AlreadyRegistered already) {
            return new Outcome(protocol, source, target, already.existing(), Fault.ALREADY_REGISTERED,
                    "the linkback was already registered");
        }
        LinkbackResult.Rejected rejected = (LinkbackResult.Rejected) result;
        return refused(protocol, source, target, Fault.ACCESS_DENIED, rejected.message());
    }

    private static Outcome refused(Protocol protocol, String source, String target, Fault fault, String message) {
        return new Outcome(protocol, source, target, null, fault, message);
    }

    private static boolean isHttp(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
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
