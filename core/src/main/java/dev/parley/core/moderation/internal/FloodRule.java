package dev.parley.core.moderation.internal;

import dev.parley.core.moderation.Decision;
import dev.parley.core.moderation.ModerationRule;
import dev.parley.core.moderation.RejectCode;
import dev.parley.core.moderation.RuleContext;
import dev.parley.core.moderation.Submission;
import dev.parley.storage.Comment;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rejects a comment posted within the flood interval of an earlier one from the same address, e-mail or user,
 * in any thread, as WordPress's {@code check_comment_flood_db} does.
 *
 * <p>It reads the store's newest comments site-wide, page by page, until it passes the interval: a few
 * comments on any real site. Linkbacks and edits are not checked. For posts racing each other it asks the
 * store, through {@link RuleContext#requireQuiet(Set, Instant)}, to refuse a second comment from the same
 * {@link Fingerprints#clientKeys client} within the interval atomically at insert, on any number of
 * application instances.
 */
public final class FloodRule implements ModerationRule {

    private static final int PAGE = 100;

    private final Duration interval;

    /**
     * Creates the rule.
     *
     * @param interval the shortest time between two comments of one client, positive
     */
    public FloodRule(Duration interval) {
        Objects.requireNonNull(interval, "interval must not be null");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        this.interval = interval;
    }

    @Override
    public String name() {
        return "flood";
    }

    @Override
    public Optional<Decision> evaluate(Submission submission, RuleContext context) {
        if (submission.isLinkback() || submission.isEdit()) {
            return Optional.empty();
        }
        Instant since = context.now().minus(interval);
        PageRequest request = PageRequest.first(Order.NEWEST_FIRST, PAGE);
        while (true) {
            Page page = context.store().scan(request);
            for (Comment comment : page.items()) {
                if (!comment.createdAt().isAfter(since)) {
                    return quiet(submission, context, since);
                }
                if (!comment.kind().isLinkback() && Authors.sameClient(submission.author(), comment.author())) {
                    Duration elapsed = Duration.between(comment.createdAt(), context.now());
                    long ago = Math.max(0, elapsed.toSeconds());
                    // Whole seconds, rounded up: what Retry-After can say, and never too early.
                    Duration wait = interval.minus(elapsed.isNegative() ? Duration.ZERO : elapsed);
                    long waitSeconds = Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
                    return Optional.of(Decision.reject(RejectCode.FLOOD,
                            "flood: previous comment from the same " + Authors.sharedClientField(
                                    submission.author(), comment.author())
                                    + " " + ago + " s ago, interval " + interval.toSeconds() + " s",
                            Duration.ofSeconds(waitSeconds)));
                }
            }
            if (page.next() == null) {
                break;
            }
            request = request.next(page.next());
        }
        return quiet(submission, context, since);
    }

    /** Nothing recent was found: the store refuses a post from the same client that lands before this one. */
    private static Optional<Decision> quiet(Submission submission, RuleContext context, Instant since) {
        Set<String> keys = Fingerprints.clientKeys(submission.author());
        if (!keys.isEmpty()) {
            context.requireQuiet(keys, since);
        }
        return Optional.empty();
    }
}
