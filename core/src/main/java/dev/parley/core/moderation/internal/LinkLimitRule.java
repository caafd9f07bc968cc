package dev.parley.core.moderation.internal;

import dev.parley.core.moderation.Decision;
import dev.parley.core.moderation.ModerationRule;
import dev.parley.core.moderation.RuleContext;
import dev.parley.core.moderation.Submission;
import java.util.Optional;

/** Holds a submission with {@code limit} or more links, as WordPress's {@code comment_max_links} does. */
public final class LinkLimitRule implements ModerationRule {

    private final int limit;

    /**
     * Creates the rule.
     *
     * @param limit the number of links that holds a submission, 1 or more
     */
    public LinkLimitRule(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
        this.limit = limit;
    }

    @Override
    public String name() {
        return "links";
    }

    @Override
    public Optional<Decision> evaluate(Submission submission, RuleContext context) {
        int links = Markup.countLinks(submission.html());
        if (links < limit) {
            return Optional.empty();
        }
        return Optional.of(Decision.hold(links + (links == 1 ? " link" : " links") + ", limit " + limit));
    }
}
