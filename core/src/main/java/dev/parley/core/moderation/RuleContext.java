package dev.parley.core.moderation;

import dev.parley.storage.CommentStore;
import dev.parley.storage.InsertConditions;
import java.time.Instant;
import java.util.Set;

/**
 * What a rule may consult while it judges one submission: the time of the evaluation and the store, and a
 * place to leave a note for the moderator without deciding anything.
 *
 * <p>One context serves one evaluation on one thread; it is not thread-safe and must not be kept.
 */
public interface RuleContext {

    /**
     * Returns the time of this evaluation, read once from the service's clock.
     *
     * @return the instant
     */
    Instant now();

    /**
     * Returns the store, for rules that look at earlier comments (flood, duplicates, known authors).
     *
     * @return the store
     */
    CommentStore store();

    /**
     * Appends a note to the stored reason without deciding anything, such as a spam check that failed open.
     *
     * @param note a few words, not blank
     * @throws NullPointerException if {@code note} is null
     * @throws IllegalArgumentException if it is blank
     */
    void note(String note);

    /**
     * Asks the store to refuse the comment, when it is stored, if another comment holding {@code fingerprint}
     * is stored by then: the atomic half of a duplicate check that has just found none. See
     * {@link InsertConditions}. A report-only rule's request is ignored.
     *
     * @param fingerprint what makes the comment a duplicate, 1 to {@value InsertConditions#MAX_KEY_LENGTH}
     *     characters
     * @throws NullPointerException if {@code fingerprint} is null
     * @throws IllegalArgumentException if it is blank or too long
     */
    void requireUnique(String fingerprint);

    /**
     * Asks the store to refuse the comment, when it is stored, if one of {@code keys} was used by a comment
     * created after {@code since}, and to record the keys as used: the atomic half of a flood check that has
     * just found no recent comment. See {@link InsertConditions}. A report-only rule's request is ignored.
     *
     * @param keys the client's keys, not empty
     * @param since the instant after which a use refuses the comment
     * @throws NullPointerException if an argument or key is null
     * @throws IllegalArgumentException if {@code keys} is empty or a key is blank or too long
     */
    void requireQuiet(Set<String> keys, Instant since);
}
