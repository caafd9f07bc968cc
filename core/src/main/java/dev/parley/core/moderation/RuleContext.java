package dev.parley.core.moderation;

import dev.parley.storage.CommentStore;
import java.time.Instant;

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
}
