package dev.parley.core.moderation.internal;

import dev.parley.core.moderation.Decision;
import dev.parley.core.moderation.ModerationRule;
import dev.parley.core.moderation.RuleContext;
import dev.parley.core.moderation.Submission;
import dev.parley.core.moderation.Verdict;
import dev.parley.storage.Author;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Matches a word list over every field of a submission, WordPress's way: case-insensitive substrings of the
 * author name, e-mail, url, the text (as written and with tags stripped), the client address and User-Agent,
 * and a linkback's title and source.
 */
public final class WordListRule implements ModerationRule {

    private final String name;
    private final Verdict verdict;
    private final String label;
    private final List<String> words;

    /**
     * Creates the rule.
     *
     * @param name the rule name
     * @param verdict what a match decides, {@link Verdict#HOLD} or {@link Verdict#SPAM}
     * @param label how the reason names the list, e.g. {@code "hold word"}
     * @param words the words; blank entries are ignored, matching ignores case
     */
    public WordListRule(String name, Verdict verdict, String label, Collection<String> words) {
        this.name = Objects.requireNonNull(name, "name must not be null");
        this.verdict = Objects.requireNonNull(verdict, "verdict must not be null");
        this.label = Objects.requireNonNull(label, "label must not be null");
        Objects.requireNonNull(words, "words must not be null");
        Set<String> normalized = new LinkedHashSet<>();
        for (String word : words) {
            Objects.requireNonNull(word, "words must not contain null");
            String trimmed = word.strip().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty()) {
                normalized.add(trimmed);
            }
        }
        this.words = List.copyOf(normalized);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Decision> evaluate(Submission submission, RuleContext context) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        Author author = submission.author();
        List<String[]> fields = new ArrayList<>(9);
        add(fields, "author name", author.name());
        add(fields, "author email", author.email());
        add(fields, "author url", author.url());
        add(fields, "text", submission.text());
        add(fields, "text without tags", Markup.stripTags(submission.text()));
        add(fields, "ip", author.ip());
        add(fields, "user agent", author.userAgent());
        if (submission.linkback() != null) {
            add(fields, "linkback title", submission.linkback().title());
            add(fields, "linkback source", submission.linkback().sourceUrl());
        }
        for (String word : words) {
            for (String[] field : fields) {
                if (field[1].contains(word)) {
                    String detail = "matched " + label + " \"" + abbreviate(word) + "\" in " + field[0];
                    return Optional.of(verdict == Verdict.SPAM ? Decision.spam(detail) : Decision.hold(detail));
                }
            }
        }
        return Optional.empty();
    }

    private static void add(List<String[]> fields, String label, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            fields.add(new String[] {label, value.toLowerCase(Locale.ROOT)});
        }
    }

    private static String abbreviate(String word) {
        return word.length() <= 60 ? word : word.substring(0, 57) + "...";
    }
}
