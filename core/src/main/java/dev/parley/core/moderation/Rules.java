package dev.parley.core.moderation;

import dev.parley.core.moderation.internal.DuplicateRule;
import dev.parley.core.moderation.internal.FloodRule;
import dev.parley.core.moderation.internal.KnownAuthorRule;
import dev.parley.core.moderation.internal.LinkLimitRule;
import dev.parley.core.moderation.internal.ModerateAllRule;
import dev.parley.core.moderation.internal.SpamCheckRule;
import dev.parley.core.moderation.internal.WordListRule;
import java.time.Duration;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * The built-in moderation rules, WordPress's discussion settings as {@link ModerationRule}s. Each rule is
 * immutable and thread-safe; the reasons below are the details the pipeline stores after the verdict word.
 *
 * <table>
 *   <caption>Built-in rules</caption>
 *   <tr><th>factory</th><th>name</th><th>verdict</th><th>detail, e.g.</th></tr>
 *   <tr><td>{@link #duplicate()}</td><td>duplicate</td><td>reject DUPLICATE</td>
 *       <td>{@code duplicate of c42}</td></tr>
 *   <tr><td>{@link #flood(Duration)}</td><td>flood</td><td>reject FLOOD</td>
 *       <td>{@code flood: previous comment from the same ip 4 s ago, interval 15 s}</td></tr>
 *   <tr><td>{@link #blockWords(Collection)}</td><td>block-words</td><td>spam</td>
 *       <td>{@code matched block word "casino" in author url}</td></tr>
 *   <tr><td>{@link #moderateAll()}</td><td>moderate-all</td><td>hold</td>
 *       <td>{@code every comment is moderated}</td></tr>
 *   <tr><td>{@link #linkLimit(int)}</td><td>links</td><td>hold</td><td>{@code 3 links, limit 2}</td></tr>
 *   <tr><td>{@link #holdWords(Collection)}</td><td>hold-words</td><td>hold</td>
 *       <td>{@code matched hold word "viagra" in text}</td></tr>
 *   <tr><td>{@link #knownAuthor(boolean, int)}</td><td>known-author</td><td>approve, or hold</td>
 *       <td>{@code author has an approved comment} / {@code author has no approved comment}</td></tr>
 *   <tr><td>{@link #spamCheck(SpamCheck, String, String)}</td><td>spam-check:NAME</td><td>spam, or hold on
 *       a fail-closed failure</td><td>{@code akismet: akismet says spam}</td></tr>
 * </table>
 *
 * <p>Duplicate, flood and known-author judge new comments only: linkbacks are deduplicated by source URL and
 * come from servers, not people, and an edit is neither a new post nor a new author.
 */
public final class Rules {

    private Rules() {
    }

    /**
     * Rejects the same text by the same author at the same place.
     *
     * @return the rule
     */
    public static ModerationRule duplicate() {
        return new DuplicateRule();
    }

    /**
     * Rejects a second comment from the same address, e-mail or user within {@code interval}.
     *
     * @param interval the shortest time between two comments of one client, positive
     * @return the rule
     * @throws NullPointerException if {@code interval} is null
     * @throws IllegalArgumentException if it is not positive
     */
    public static ModerationRule flood(Duration interval) {
        return new FloodRule(interval);
    }

    /**
     * Marks spam a submission containing a word of the list in any field (WordPress's "disallowed comment
     * keys", which WordPress sends to the trash; here it is kept as spam for review).
     *
     * @param words the words, matched as case-insensitive substrings; blank entries are ignored
     * @return the rule
     * @throws NullPointerException if {@code words} is null or holds null
     */
    public static ModerationRule blockWords(Collection<String> words) {
        return new WordListRule("block-words", Verdict.SPAM, "block word", words);
    }

    /**
     * Holds a submission containing a word of the list in any field (WordPress's "comment moderation" keys).
     *
     * @param words the words, matched as case-insensitive substrings; blank entries are ignored
     * @return the rule
     * @throws NullPointerException if {@code words} is null or holds null
     */
    public static ModerationRule holdWords(Collection<String> words) {
        return new WordListRule("hold-words", Verdict.HOLD, "hold word", words);
    }

    /**
     * Holds a submission with {@code limit} or more links.
     *
     * @param limit the number of links that holds, 1 or more (WordPress's default is 2)
     * @return the rule
     * @throws IllegalArgumentException if {@code limit} is less than 1
     */
    public static ModerationRule linkLimit(int limit) {
        return new LinkLimitRule(limit);
    }

    /**
     * Holds every submission.
     *
     * @return the rule
     */
    public static ModerationRule moderateAll() {
        return new ModerateAllRule();
    }

    /**
     * Approves an author with an approved comment among the newest {@code lookback} approved comments, and
     * optionally holds everyone else.
     *
     * @param holdUnknown whether to hold an author with no approved comment
     * @param lookback how many of the newest approved comments site-wide to look through, 1 to 1000
     * @return the rule
     * @throws IllegalArgumentException if {@code lookback} is out of range
     */
    public static ModerationRule knownAuthor(boolean holdUnknown, int lookback) {
        return new KnownAuthorRule(holdUnknown, lookback);
    }

    /**
     * Consults a spam check.
     *
     * @param check the check
     * @param blogLang Akismet's {@code blog_lang} sent with every request, or null
     * @param blogCharset Akismet's {@code blog_charset}, or null
     * @return the rule, named {@code "spam-check:" + check.name()}
     * @throws NullPointerException if {@code check} is null
     */
    public static ModerationRule spamCheck(SpamCheck check, @Nullable String blogLang, @Nullable String blogCharset) {
        return new SpamCheckRule(check, blogLang, blogCharset);
    }
}
