package dev.parley.core.privacy;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The retention job: forgets the IP addresses and User-Agents of comments older than
 * {@link RetentionSettings#clientData()} and removes spam older than {@link RetentionSettings#spam()}. The host
 * schedules it (daily is plenty):
 *
 * <pre>{@code
 * Retention retention = Retention.builder().store(store).build();   // 30 days for both by default
 * executor.scheduleAtFixedRate(() -> retention.run(1_000), 1, 24 * 60, TimeUnit.MINUTES);
 * }</pre>
 *
 * <p><b>Bounded.</b> A run works in batches of {@link RetentionSettings#batchSize()} and stops after
 * {@code maxBatches} of them: client data through {@link CommentStore#clearClientData} (an indexed batch
 * update on a database store), spam through pages of the {@link Status#SPAM} queue, oldest first. Memory holds
 * one batch; the cost of a batch does not grow with the store. A run that ran out of budget says so
 * ({@link RetentionReport#finished()}); the next one carries on.
 *
 * <p><b>Spam.</b> A spam comment goes when both its creation and its last change (when it was judged spam,
 * usually) are older than the retention, so a moderator always has the full time to review a fresh verdict. One
 * that another comment answers stays, as the placeholder its replies hang from.
 *
 * <p>Immutable and thread-safe; two runs at once (two instances sharing a database) do no harm: clearing is
 * idempotent and a purge of a comment already gone is a no-op.
 */
public final class Retention {

    private static final Set<Status> SPAM = Set.of(Status.SPAM);

    private final CommentStore store;
    private final Clock clock;
    private final RetentionSettings settings;

    private Retention(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store must be set");
        this.clock = builder.clock;
        this.settings = builder.settings;
    }

    /**
     * Returns a builder; only the store is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the settings.
     *
     * @return the settings
     */
    public RetentionSettings settings() {
        return settings;
    }

    /**
     * Runs the job: client data first, then spam, within a budget of store batches.
     *
     * @param maxBatches the most batches to run, at least 1
     * @return what was done
     * @throws IllegalArgumentException if {@code maxBatches} is below 1
     * @throws dev.parley.storage.StoreException if storage fails; what was done before stays done
     */
    public RetentionReport run(int maxBatches) {
        if (maxBatches < 1) {
            throw new IllegalArgumentException("maxBatches must be at least 1, was " + maxBatches);
        }
        Instant now = clock.instant();
        Instant clientCutOff = now.minus(settings.clientData());
        int batches = 0;
        int cleared = 0;
        boolean clientDone = false;
        while (batches < maxBatches) {
            int batch = store.clearClientData(clientCutOff, settings.batchSize());
            batches++;
            cleared += batch;
            if (batch < settings.batchSize()) {
                clientDone = true;
                break;
            }
        }
        Instant spamCutOff = now.minus(settings.spam());
        int deleted = 0;
        boolean spamDone = false;
        PageRequest request = PageRequest.first(Order.OLDEST_FIRST, settings.batchSize());
        while (batches < maxBatches) {
            Page page = store.queue(SPAM, request);
            batches++;
            @Nullable Comment last = null;
            boolean pastCutOff = false;
            for (Comment spam : page.items()) {
                if (!spam.createdAt().isBefore(spamCutOff)) {
                    pastCutOff = true;
                    break;
                }
                last = spam;
                if (spam.updatedAt().isBefore(spamCutOff) && !hasReplies(spam) && store.delete(spam.id())) {
                    deleted++;
                }
            }
            if (pastCutOff || page.nextCursor().isEmpty() || last == null) {
                spamDone = true;
                break;
            }
            request = request.next(page.nextCursor().get());
        }
        return new RetentionReport(cleared, deleted, batches, clientDone && spamDone);
    }

    /** Whether any comment answers this one; then it stays as a placeholder. */
    private boolean hasReplies(Comment comment) {
        List<Comment> replies = store.replies(List.of(comment.rootId()), EnumSet.allOf(Status.class));
        for (Comment reply : replies) {
            if (comment.id().equals(reply.parentId())) {
                return true;
            }
        }
        return false;
    }

    /** Builds {@link Retention}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {

        private @Nullable CommentStore store;
        private Clock clock = Clock.systemUTC();
        private RetentionSettings settings = RetentionSettings.DEFAULTS;

        private Builder() {
        }

        /**
         * Sets the store. Required.
         *
         * @param store the comment store
         * @return this builder
         */
        public Builder store(CommentStore store) {
            this.store = Objects.requireNonNull(store, "store must not be null");
            return this;
        }

        /**
         * Sets the clock the cut-offs are computed from. Default: the UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * Sets the retention times and batch size. Default: {@link RetentionSettings#DEFAULTS}.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder settings(RetentionSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings must not be null");
            return this;
        }

        /**
         * Builds the job.
         *
         * @return the job
         * @throws IllegalArgumentException if the store is not set
         */
        public Retention build() {
            if (store == null) {
                throw new IllegalArgumentException("store must be set");
            }
            return new Retention(this);
        }
    }
}
