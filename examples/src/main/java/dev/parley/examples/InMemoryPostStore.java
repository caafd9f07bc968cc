package dev.parley.examples;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The posts of the in-memory demo: nothing survives a restart.
 *
 * <p>Thread-safe: a concurrent map, updated atomically per slug.
 */
public final class InMemoryPostStore implements PostStore {

    /** Newest first, then by slug: the order of {@link PostStore#all()}. */
    static final Comparator<Post> NEWEST_FIRST =
            Comparator.comparing(Post::publishedAt).reversed().thenComparing(Post::slug);

    private final ConcurrentMap<String, Post> posts = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryPostStore() {
    }

    @Override
    public Optional<Post> find(String slug) {
        return Optional.ofNullable(posts.get(Objects.requireNonNull(slug, "slug")));
    }

    @Override
    public List<Post> all() {
        return posts.values().stream().sorted(NEWEST_FIRST).toList();
    }

    @Override
    public boolean insert(Post post) {
        return posts.putIfAbsent(post.slug(), post) == null;
    }

    @Override
    public boolean update(Post post) {
        boolean[] replaced = {false};
        posts.computeIfPresent(post.slug(), (slug, stored) -> {
            if (stored.deleted()) {
                return stored;
            }
            replaced[0] = true;
            Post edited = stored.edited(post.title(), post.body(), post.updatedAt());
            return post.deleted() ? edited.asDeleted(post.updatedAt()) : edited;
        });
        return replaced[0];
    }
}
