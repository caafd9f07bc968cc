package dev.parley.pingback;

import dev.parley.pingback.fetch.FetchFailure;
import dev.parley.pingback.send.SendOutcome;
import dev.parley.pingback.verify.SourceReport;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the README's Java snippets take from the host around them: its requests, its posts and linkbacks, and the
 * methods it answers with. {@link ReadmeSnippetsCompileTest} compiles each snippet as the body of a method of a
 * subclass, so a snippet that does not compile against the module's classes fails the build.
 */
@SuppressWarnings({"unused", "NullAway"})
public abstract class ReadmeSnippetHost {

    /** A host's post, as the receiver snippet looks it up. */
    protected interface Post {
        /**
         * Tells whether the post takes linkbacks.
         *
         * @return true when open
         */
        boolean open();
    }

    /** The host's posts. */
    protected interface Posts {
        /**
         * Finds a post by its URL.
         *
         * @param url the URL
         * @return the post, or empty
         */
        Optional<Post> findByUrl(String url);
    }

    /** The host's linkbacks. */
    protected interface Linkbacks {
        /**
         * Tells whether a linkback is stored.
         *
         * @param source the source URL
         * @param target the target URL
         * @return true when stored
         */
        boolean exists(String source, String target);

        /**
         * Stores a linkback.
         *
         * @param linkback the verified linkback
         */
        void save(VerifiedLinkback linkback);
    }

    protected @Nullable Posts posts;
    protected @Nullable Linkbacks linkbacks;
    protected String html = "";
    protected String method = "POST";
    protected @Nullable String contentType;
    protected byte[] body = new byte[0];
    protected String source = "";
    protected String target = "";
    protected String sourceUrl = "";
    protected URI postUrl = URI.create("https://my.blog.example/posts/hello/");
    protected String postHtml = "";
    protected List<URI> previousTargets = List.of();
    protected LinkbackResult.@Nullable Rejected rejected;

    /**
     * Stores a verified page.
     *
     * @param report the report
     */
    protected abstract void store(SourceReport report);

    /**
     * Logs a failed fetch.
     *
     * @param fault the fault
     * @param message the message
     * @param gone whether the source answered 410
     */
    protected abstract void log(Fault fault, String message, boolean gone);

    /**
     * Answers a sender with a fault.
     *
     * @param fault the fault
     * @param message the message
     */
    protected abstract void answer(Fault fault, String message);

    /**
     * Remembers a delivery.
     *
     * @param target the target
     * @param protocol the protocol
     * @param location the status page, if any
     */
    protected abstract void remember(URI target, Object protocol, Optional<URI> location);

    /**
     * Queues a retry.
     *
     * @param target the target
     */
    protected abstract void retryLater(URI target);

    /**
     * Gives up on a target.
     *
     * @param outcome the final outcome
     */
    protected abstract void giveUp(SendOutcome outcome);

    /**
     * Verifies a fetched page.
     *
     * @param uri the final URL
     * @param body the page
     */
    protected abstract void verify(URI uri, String body);

    /** Deletes a linkback whose source is gone. */
    protected abstract void deleteLinkback();

    /**
     * Rejects a linkback whose source could not be fetched.
     *
     * @param failure the failure
     * @param detail the detail
     */
    protected abstract void reject(FetchFailure failure, String detail);
}
