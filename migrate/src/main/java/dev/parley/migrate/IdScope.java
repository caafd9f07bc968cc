package dev.parley.migrate;

/**
 * Where a source's comment ids are unique, which is where a parent id is looked up.
 */
public enum IdScope {
    /**
     * Ids are unique within a thread, and a parent id names a comment of the same thread (WordPress: a
     * {@code comment_parent} refers to a comment of the same post).
     */
    THREAD,
    /**
     * Ids are unique in the whole source, and a parent id may name a comment of any thread (Disqus, Remark42,
     * Isso); a parent in another thread is reported and not followed.
     */
    SOURCE
}
