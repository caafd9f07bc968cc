package dev.parley.core.notify;

import dev.parley.core.CommentListener;
import dev.parley.core.CommentService;
import dev.parley.core.ModeratorAction;
import dev.parley.core.mail.Mailer;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.jobs.Backoff;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.jobs.NewJob;
import dev.parley.storage.subscriptions.Address;
import dev.parley.storage.subscriptions.AddressState;
import dev.parley.storage.subscriptions.Subscriptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * E-mail notifications about comments, sent through a durable queue.
 *
 * <p><b>Events.</b> {@link #listener()} is a {@link CommentListener} to add to the {@link CommentService}
 * builder. On the request's thread it only enqueues jobs: a published reply to a watched comment (for a
 * confirmed address that did not mute the thread and is not the replier), a published comment or linkback (for
 * the post's author, from {@link PostAuthors}), a held comment (for each moderator). A held comment counts as
 * published when a moderator approves it.
 *
 * <p><b>Opt-in.</b> After a post whose author ticked "notify me", the host calls {@link #watch(Comment)}: the
 * comment is watched and its address asked for; a new address gets one confirmation mail with a signed link
 * ({@link #confirm(String)}), and nothing else goes to it until it is confirmed (double opt-in).
 *
 * <p><b>Sending.</b> {@link #runDue(String)}, called by the host's scheduler (every few seconds), claims due
 * jobs with a lease, checks that each mail is still wanted, renders it with the {@link NotificationTemplates}
 * and hands it to the {@link Mailer}. A failure puts the job back with {@link Backoff} until its last attempt.
 * Replies to one address in one thread within the batch window go out as one mail.
 *
 * <p><b>Links.</b> Every notification carries signed unsubscribe links (this thread, everything) and the
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers of RFC 8058; a held-comment mail carries
 * approve, spam and delete links bound to the comment's version, so each works once, until it expires. Tokens
 * are HMAC-SHA256 signed, name their purpose and the address, thread or comment they are for, and are compared
 * in constant time.
 *
 * <p>Thread-safe: immutable after {@link Builder#build()}; its state lives in the queue and the subscriptions.
 */
public final class Notifier {

    private final Parts parts;
    private final Events events;
    private final Delivery delivery;

    private Notifier(Parts parts) {
        this.parts = parts;
        this.events = new Events(parts);
        this.delivery = new Delivery(parts);
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The listener that turns comment events into queued notifications; add it to the
     * {@link CommentService.Builder#listener(CommentListener)}.
     *
     * @return the listener
     */
    public CommentListener listener() {
        return events;
    }

    /**
     * Records that a comment's author wants its replies ("notify me" was ticked) and asks for the address:
     * a new address, or one that unsubscribed from everything, gets a confirmation mail (queued); an
     * unconfirmed one gets another only once the last link has expired. A comment judged spam watches nothing.
     *
     * @param comment the stored comment
     * @return what became of the address
     * @throws NullPointerException if {@code comment} is null
     */
    public WatchResult watch(Comment comment) {
        java.util.Objects.requireNonNull(comment, "comment must not be null");
        if (comment.status() == Status.SPAM || comment.status() == Status.DELETED) {
            return WatchResult.REFUSED;
        }
        if (comment.author().email() == null) {
            return WatchResult.NO_ADDRESS;
        }
        String email = Author.normalizeEmail(comment.author().email());
        Instant now = parts.now();
        Optional<Address> before = parts.subscriptions().find(email);
        parts.subscriptions().watch(email, comment.id(), comment.thread(), now);
        Address address = parts.subscriptions().request(email, now);
        if (address.state() == AddressState.CONFIRMED) {
            return WatchResult.CONFIRMED;
        }
        boolean asked = before.isPresent() && before.get().state() == AddressState.UNCONFIRMED
                && before.get().changedAt().plus(parts.confirmationLifetime()).isAfter(now);
        if (asked) {
            return WatchResult.CONFIRMATION_PENDING;
        }
        parts.jobs().enqueue(NewJob.of(Parts.KIND_CONFIRM, JobPayload.join(email), now).withDedupKey(email));
        return WatchResult.CONFIRMATION_SENT;
    }

    /**
     * Reads a confirmation link without acting on it, for the page that shows the confirm button.
     *
     * @param token the token from the link
     * @return the address it confirms, or empty if the token is forged, malformed or expired
     */
    public Optional<String> confirmationFor(String token) {
        return parts.tokens().verify(token, Parts.CONFIRM, 2)
                .filter(fields -> !expired(fields.get(1)))
                .map(fields -> fields.get(0));
    }

    /**
     * Confirms the address a confirmation link is for.
     *
     * @param token the token from the link
     * @return the address as stored now, or empty if the token is forged, malformed or expired, or the address
     *     did not ask (it unsubscribed from everything since)
     */
    public Optional<Address> confirm(String token) {
        return confirmationFor(token).flatMap(email -> parts.subscriptions().confirm(email, parts.now()));
    }

    /**
     * Reads an unsubscribe link without acting on it, for the page that shows the unsubscribe button.
     *
     * @param token the token from the link
     * @return what it unsubscribes, or empty if the token is forged or malformed
     */
    public Optional<UnsubscribeRequest> unsubscribeFor(String token) {
        Optional<List<String>> thread = parts.tokens().verify(token, Parts.UNSUBSCRIBE_THREAD, 2);
        if (thread.isPresent()) {
            return Optional.of(new UnsubscribeRequest(thread.get().get(0), ThreadKey.of(thread.get().get(1))));
        }
        return parts.tokens().verify(token, Parts.UNSUBSCRIBE_ALL, 1)
                .map(fields -> new UnsubscribeRequest(fields.get(0), null));
    }

    /**
     * Unsubscribes as a link says: mutes its thread for its address, or unsubscribes the address from every
     * mail. Needs no login (the signed token is the proof) and is idempotent, so an RFC 8058 one-click POST and
     * a later click on the same link both succeed.
     *
     * @param token the token from the link
     * @return what was unsubscribed, or empty if the token is forged or malformed
     */
    public Optional<UnsubscribeRequest> unsubscribe(String token) {
        Optional<UnsubscribeRequest> request = unsubscribeFor(token);
        request.ifPresent(r -> {
            if (r.thread() == null) {
                parts.subscriptions().unsubscribeAll(r.email(), parts.now());
            } else {
                parts.subscriptions().mute(r.email(), r.thread(), parts.now());
            }
        });
        return request;
    }

    /**
     * Reads a moderator link without acting on it: valid only while unexpired and while the comment is still
     * held at the version the link was made for.
     *
     * @param token the token from the link
     * @return what the link does, or empty if it is forged, malformed, expired or used
     */
    public Optional<ModeratorLink> moderatorLinkFor(String token) {
        return parts.tokens().verify(token, Parts.MODERATE, 4).flatMap(fields -> {
            ModeratorLink link;
            try {
                link = new ModeratorLink(CommentId.of(fields.get(0)), Long.parseLong(fields.get(1)),
                        ModeratorAction.valueOf(fields.get(2)), Instant.ofEpochSecond(Long.parseLong(fields.get(3))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (!link.expiresAt().isAfter(parts.now())) {
                return Optional.empty();
            }
            return parts.store().find(link.comment())
                    .filter(c -> c.version() == link.version() && c.status() == Status.PENDING)
                    .map(c -> link);
        });
    }

    /**
     * Applies a moderator link through the service, so its listeners hear of it (an approval notifies as a
     * post does). Changing the comment changes its version, so the link, and its siblings in the same mail,
     * work no more.
     *
     * @param token the token from the link
     * @param service the comment service
     * @return the comment as stored now, or empty if the link is forged, malformed, expired or used
     */
    public Optional<Comment> moderate(String token, CommentService service) {
        // The version is checked again inside the update: of racing uses of a mail's links, one acts at most.
        return moderatorLinkFor(token).flatMap(link -> switch (link.action()) {
            case APPROVE, SPAM, DELETE -> service.moderate(link.comment(), link.action(), link.version());
            default -> Optional.empty();
        });
    }

    /**
     * Sends what is due: claims due notification jobs under {@code owner}, sends each mail and finishes its
     * jobs, until no due job is left. Call it from one scheduler thread per instance, with an owner id unique to
     * that instance; several instances may run it over one queue.
     *
     * @param owner the worker's owner id for the queue's leases
     * @return what was done
     */
    public WorkResult runDue(String owner) {
        return delivery.runDue(owner);
    }

    private boolean expired(String epochSeconds) {
        try {
            return !Instant.ofEpochSecond(Long.parseLong(epochSeconds)).isAfter(parts.now());
        } catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * Collects what a notifier is built from; {@link #build()} checks everything at once. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable CommentStore store;
        private @Nullable JobQueue jobs;
        private @Nullable Subscriptions subscriptions;
        private @Nullable Mailer mailer;
        private @Nullable NotificationTemplates templates;
        private byte @Nullable [] secret;
        private Clock clock = Clock.systemUTC();
        private @Nullable NotificationLinks links;
        private PostAuthors postAuthors = PostAuthors.none();
        private final List<String> moderators = new ArrayList<>();
        private Duration batchWindow = Duration.ofMinutes(10);
        private Duration confirmationLifetime = Duration.ofDays(7);
        private Duration moderatorLinkLifetime = Duration.ofDays(3);
        private Backoff backoff = Backoff.exponential(Duration.ofMinutes(1), Duration.ofHours(6));
        private int maxAttempts = 20;
        private Duration lease = Duration.ofMinutes(5);
        private final List<String> problems = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the store comments are read from when a mail is made (required).
         *
         * @param value the store the service writes to
         * @return this builder
         */
        public Builder store(CommentStore value) {
            store = value;
            return this;
        }

        /**
         * Sets the durable queue notifications wait in (required); the store's own queue, so several
         * instances share it.
         *
         * @param value the queue
         * @return this builder
         */
        public Builder jobs(JobQueue value) {
            jobs = value;
            return this;
        }

        /**
         * Sets where addresses, watches and mutes are kept (required).
         *
         * @param value the subscriptions
         * @return this builder
         */
        public Builder subscriptions(Subscriptions value) {
            subscriptions = value;
            return this;
        }

        /**
         * Sets what sends the mail (required).
         *
         * @param value the mailer
         * @return this builder
         */
        public Builder mailer(Mailer value) {
            mailer = value;
            return this;
        }

        /**
         * Sets the templates (required; {@link NotificationTemplates#standard(String)} is Parley's own).
         *
         * @param value the templates
         * @return this builder
         */
        public Builder templates(NotificationTemplates value) {
            templates = value;
            return this;
        }

        /**
         * Sets the secret link tokens are signed with (required): 32 bytes or more of random data every
         * instance shares and keeps across restarts (links sent under another secret stop working). Use a
         * secret of its own, not the edit-token one. Copied.
         *
         * @param value the secret
         * @return this builder
         */
        public Builder secret(byte[] value) {
            secret = value == null ? null : value.clone();
            return this;
        }

        /**
         * Sets the clock run times and link expiries are read from; the system UTC clock otherwise.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /**
         * Sets where links point (required).
         *
         * @param value the links
         * @return this builder
         */
        public Builder links(NotificationLinks value) {
            links = value;
            return this;
        }

        /**
         * Sets who is told of new comments on a post; nobody otherwise.
         *
         * @param value the post authors
         * @return this builder
         */
        public Builder postAuthors(PostAuthors value) {
            postAuthors = value;
            return this;
        }

        /**
         * Adds a moderator's address, told of every held comment.
         *
         * @param email the address
         * @return this builder
         */
        public Builder moderator(String email) {
            try {
                moderators.add(Author.normalizeEmail(email));
            } catch (RuntimeException e) {
                problems.add("moderator must be an address, was " + email);
            }
            return this;
        }

        /**
         * Sets how long the first reply to an address in a thread waits for more, which then go in the same
         * mail; 10 minutes by default, zero to send each at once.
         *
         * @param value the window
         * @return this builder
         */
        public Builder batchWindow(Duration value) {
            batchWindow = value;
            return this;
        }

        /**
         * Sets how long a confirmation link works; 7 days by default.
         *
         * @param value the lifetime
         * @return this builder
         */
        public Builder confirmationLifetime(Duration value) {
            confirmationLifetime = value;
            return this;
        }

        /**
         * Sets how long a moderator link works; 3 days by default.
         *
         * @param value the lifetime
         * @return this builder
         */
        public Builder moderatorLinkLifetime(Duration value) {
            moderatorLinkLifetime = value;
            return this;
        }

        /**
         * Sets the wait before a failed mail is tried again; 1 minute doubling up to 6 hours by default.
         *
         * @param value the back-off
         * @return this builder
         */
        public Builder backoff(Backoff value) {
            backoff = value;
            return this;
        }

        /**
         * Sets how many attempts a mail gets before it is given up; 20 by default (with the default back-off,
         * about four days).
         *
         * @param value the attempts, at least 1
         * @return this builder
         */
        public Builder maxAttempts(int value) {
            maxAttempts = value;
            return this;
        }

        /**
         * Sets how long a worker holds a claimed job; 5 minutes by default, longer than a mail takes.
         *
         * @param value the lease
         * @return this builder
         */
        public Builder lease(Duration value) {
            lease = value;
            return this;
        }

        /**
         * Checks everything and builds the notifier.
         *
         * @return the notifier
         * @throws IllegalArgumentException naming every missing or bad part at once
         */
        public Notifier build() {
            List<String> all = new ArrayList<>(problems);
            required(store, "store", all);
            required(jobs, "jobs", all);
            required(subscriptions, "subscriptions", all);
            required(mailer, "mailer", all);
            required(templates, "templates", all);
            required(links, "links", all);
            required(clock, "clock", all);
            required(postAuthors, "postAuthors", all);
            required(backoff, "backoff", all);
            if (secret == null) {
                all.add("secret must be set");
            } else if (secret.length < SignedTokens.MIN_SECRET_LENGTH) {
                all.add("secret must be at least " + SignedTokens.MIN_SECRET_LENGTH + " bytes, was " + secret.length);
            }
            if (batchWindow == null || batchWindow.isNegative()) {
                all.add("batchWindow must not be negative, was " + batchWindow);
            }
            positive(confirmationLifetime, "confirmationLifetime", all);
            positive(moderatorLinkLifetime, "moderatorLinkLifetime", all);
            if (lease == null || lease.compareTo(JobQueue.MIN_LEASE) < 0 || lease.compareTo(JobQueue.MAX_LEASE) > 0) {
                all.add("lease must be between " + JobQueue.MIN_LEASE + " and " + JobQueue.MAX_LEASE + ", was " + lease);
            }
            if (maxAttempts < 1) {
                all.add("maxAttempts must be at least 1, was " + maxAttempts);
            }
            if (!all.isEmpty()) {
                throw new IllegalArgumentException("cannot build Notifier: " + String.join("; ", all));
            }
            return new Notifier(new Parts(store, jobs, subscriptions, mailer, templates, new SignedTokens(secret),
                    clock, links, postAuthors, List.copyOf(moderators), batchWindow, confirmationLifetime,
                    moderatorLinkLifetime, backoff, maxAttempts, lease));
        }

        private static void required(@Nullable Object value, String name, List<String> problems) {
            if (value == null) {
                problems.add(name + " must be set");
            }
        }

        private static void positive(@Nullable Duration value, String name, List<String> problems) {
            if (value == null || value.isNegative() || value.isZero()) {
                problems.add(name + " must be positive, was " + value);
            }
        }
    }
}
