package dev.parley.core.moderation.internal;

import dev.parley.core.moderation.Decision;
import dev.parley.core.moderation.ModerationRule;
import dev.parley.core.moderation.RuleContext;
import dev.parley.core.moderation.SpamCheck;
import dev.parley.core.moderation.SpamCheckRequest;
import dev.parley.core.moderation.SpamCheckResult;
import dev.parley.core.moderation.Submission;
import dev.parley.storage.Author;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a {@link SpamCheck} as a pipeline rule and applies its failure mode. */
public final class SpamCheckRule implements ModerationRule {

    private static final Logger LOG = LoggerFactory.getLogger(SpamCheckRule.class);

    private final SpamCheck check;
    private final String checkName;
    private final @Nullable String blogLang;
    private final @Nullable String blogCharset;

    /**
     * Creates the rule.
     *
     * @param check the check
     * @param blogLang Akismet's {@code blog_lang}, or null
     * @param blogCharset Akismet's {@code blog_charset}, or null
     */
    public SpamCheckRule(SpamCheck check, @Nullable String blogLang, @Nullable String blogCharset) {
        this.check = Objects.requireNonNull(check, "check must not be null");
        this.checkName = Objects.requireNonNull(check.name(), "check name must not be null");
        if (checkName.isBlank()) {
            throw new IllegalArgumentException("check name must not be blank");
        }
        Objects.requireNonNull(check.failureMode(), "check failure mode must not be null");
        this.blogLang = blogLang;
        this.blogCharset = blogCharset;
    }

    @Override
    public String name() {
        return "spam-check:" + checkName;
    }

    @Override
    public Optional<Decision> evaluate(Submission submission, RuleContext context) {
        SpamCheckResult result;
        try {
            result = check.check(request(submission));
            if (result == null) {
                throw new IllegalStateException("spam check returned null");
            }
        } catch (Exception e) {
            LOG.warn("Spam check {} failed ({}); {}", checkName, check.failureMode(), e.toString());
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (check.failureMode() == SpamCheck.FailureMode.FAIL_CLOSED) {
                return Optional.of(Decision.hold(shorten("spam check " + checkName + " failed: " + why)));
            }
            context.note(shorten("spam check " + checkName + " failed, let through: " + why));
            return Optional.empty();
        }
        if (result.classification() == SpamCheckResult.Classification.SPAM) {
            return Optional.of(Decision.spam(shorten(checkName + ": " + result.reason())));
        }
        return Optional.empty();
    }

    private SpamCheckRequest request(Submission submission) {
        Author author = submission.author();
        String type = submission.isLinkback()
                ? submission.kind().name().toLowerCase(Locale.ROOT)
                : submission.inReplyToId() == null ? "comment" : "reply";
        return new SpamCheckRequest(author.ip(), author.userAgent(), submission.referrer(), submission.permalink(),
                type, author.name(), author.email(), author.url(), submission.text(), blogLang, blogCharset);
    }

    private static String shorten(String text) {
        return text.length() <= Decision.MAX_REASON_LENGTH ? text : text.substring(0, Decision.MAX_REASON_LENGTH - 3) + "...";
    }
}
