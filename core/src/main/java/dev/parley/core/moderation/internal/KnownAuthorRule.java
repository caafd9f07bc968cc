package dev.parley.core.moderation.internal;

import dev.parley.core.moderation.Decision;
import dev.parley.core.moderation.ModerationRule;
import dev.parley.core.moderation.RuleContext;
import dev.parley.core.moderation.Submission;
import dev.parley.storage.Comment;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.util.Optional;
import java.util.Set;

/**
 * Approves an author who has an approved comment, and, when asked to, holds an author who has none
 * (WordPress's "comment author must have a previously approved comment").
 *
 * <p>The store has no index by author, so the rule looks through the newest {@code lookback} approved
 * comments site-wide (one read); an author whose last approved comment is older counts as unknown. Authors
 * are matched by host user id, else by name and e-mail. Linkbacks and edits are not judged.
 */
public final class KnownAuthorRule implements ModerationRule {

    private final boolean holdUnknown;
    private final int lookback;

    /**
     * Creates the rule.
     *
     * @param holdUnknown whether to hold an author with no approved comment
     * @param lookback how many of the newest approved comments to look through, 1 to 1000
     */
    public KnownAuthorRule(boolean holdUnknown, int lookback) {
        if (lookback < 1 || lookback > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "lookback must be between 1 and " + PageRequest.MAX_LIMIT + ", was " + lookback);
        }
        this.holdUnknown = holdUnknown;
        this.lookback = lookback;
    }

    @Override
    public String name() {
        return "known-author";
    }

    @Override
    public Optional<Decision> evaluate(Submission submission, RuleContext context) {
        if (submission.isLinkback() || submission.isEdit()) {
            return Optional.empty();
        }
        if (submission.author().userId() != null || submission.author().email() != null) {
            for (Comment comment : context.store()
                    .queue(Set.of(Status.APPROVED), PageRequest.first(Order.NEWEST_FIRST, lookback)).items()) {
                if (!comment.kind().isLinkback() && Authors.same(submission.author(), comment.author())) {
                    return Optional.of(Decision.approve("author has an approved comment"));
                }
            }
        }
        return holdUnknown ? Optional.of(Decision.hold("author has no approved comment")) : Optional.empty();
    }
}
