package dev.parley.core.moderation.internal;

import dev.parley.core.moderation.Decision;
import dev.parley.core.moderation.ModerationRule;
import dev.parley.core.moderation.RuleContext;
import dev.parley.core.moderation.Submission;
import java.util.Optional;

/** Holds everything: WordPress's "comment must be manually approved". */
public final class ModerateAllRule implements ModerationRule {

    @Override
    public String name() {
        return "moderate-all";
    }

    @Override
    public Optional<Decision> evaluate(Submission submission, RuleContext context) {
        return Optional.of(Decision.hold("every comment is moderated"));
    }
}
