package dev.parley.examples;

import java.util.List;
import java.util.Optional;

/**
 * Where the demo keeps its posts: {@link JdbcPostStore} on the demo's database (shared by every instance over
 * it), {@link InMemoryPostStore} for the in-memory demo.
 *
 * <p>A deliberately small store: the blog's rules (validation, times, who may write) live in {@link Blog}. Posts
 * are never removed: deleting one stores it with {@link Post#deleted()} set, so its slug stays taken and its URL
 * can answer 410 Gone. Implementations are thread-safe, and every method is atomic.
 */
public interface PostStore {

    /**
     * The post with a slug, deleted or not.
     *
     * @param slug the slug
     * @return the post, or empty if none ever had the slug
     */
    Optional<Post> find(String slug);

    /**
     * Every post, deleted ones included, newest first (by publication time, then slug).
     *
     * @return the posts
     */
    List<Post> all();

    /**
     * Adds a post unless a post (deleted or not) already has its slug; of racing inserts of one slug, on one
     * instance or several, exactly one succeeds.
     *
     * @param post the post
     * @return true if it was added, false if the slug was taken
     */
    boolean insert(Post post);

    /**
     * Replaces the live post with the same slug by {@code post} (an edit, or with {@link Post#deleted()} set, a
     * deletion). The author fields and publication time are kept as stored.
     *
     * @param post the new state of the post
     * @return true if it was replaced, false if there is no post with the slug or it is deleted
     */
    boolean update(Post post);
}
