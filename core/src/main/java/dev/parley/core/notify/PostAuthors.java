package dev.parley.core.notify;

import dev.parley.storage.ThreadKey;
import java.util.Optional;

/**
 * Tells the e-mail address of the author of the post a thread belongs to: the host knows its posts, Parley
 * knows only thread keys. Implementations are thread-safe.
 */
@FunctionalInterface
public interface PostAuthors {

    /**
     * The post author's address.
     *
     * @param thread the thread
     * @return the address, or empty if the post has none (or no author should be told)
     */
    Optional<String> email(ThreadKey thread);

    /**
     * Tells nobody.
     *
     * @return post authors that never have an address
     */
    static PostAuthors none() {
        return thread -> Optional.empty();
    }
}
