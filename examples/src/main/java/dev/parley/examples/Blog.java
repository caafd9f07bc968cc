package dev.parley.examples;

import dev.parley.storage.ThreadKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo blog: its name and its posts, which the admin writes, edits and deletes, kept in a {@link PostStore}.
 *
 * <p>Readers see live posts only ({@link #posts()}, {@link #post(String)}); {@link #find(String)} also returns
 * deleted ones, whose pages answer 410 Gone. Every read goes to the store, so several instances over one database
 * show the same posts at once.
 *
 * <p>Thread-safe: the store is.
 */
public final class Blog {

    /** The blog's name. */
    public static final String NAME = "Notes from the Reading Room";
    /** The host user id of the blog's author: their comments carry it and render with an "author" badge. */
    public static final String AUTHOR_USER_ID = "mara";
    /** The display name of the blog's author, who writes every post. */
    public static final String AUTHOR_NAME = "Mara Lindqvist";

    private final String name;
    private final PostStore store;
    private final Clock clock;

    /**
     * Creates the blog over a store.
     *
     * @param name the blog's name, plain text
     * @param store where its posts are kept
     * @param clock the clock that dates new posts, edits and deletions
     */
    public Blog(String name, PostStore store, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The blog's name.
     *
     * @return the name, plain text
     */
    public String name() {
        return name;
    }

    /**
     * The live posts, newest first.
     *
     * @return the posts
     */
    public List<Post> posts() {
        return store.all().stream().filter(post -> !post.deleted()).toList();
    }

    /**
     * Every post, deleted ones included, newest first: the admin's list.
     *
     * @return the posts
     */
    public List<Post> allPosts() {
        return store.all();
    }

    /**
     * The live post with a slug.
     *
     * @param slug the slug, as a reader's request names it
     * @return the post, or empty if there is none or it was deleted
     */
    public Optional<Post> post(String slug) {
        return find(slug).filter(post -> !post.deleted());
    }

    /**
     * The live post of a thread.
     *
     * @param thread the thread key
     * @return the post, or empty if the thread is not one of this blog's live posts
     */
    public Optional<Post> post(ThreadKey thread) {
        return post(thread.value());
    }

    /**
     * The post with a slug, deleted or not.
     *
     * @param slug the slug, as a request names it
     * @return the post, or empty if no post ever had the slug (a malformed slug never had one)
     */
    public Optional<Post> find(String slug) {
        Objects.requireNonNull(slug, "slug");
        return Post.isSlug(slug) ? store.find(slug) : Optional.empty();
    }

    /**
     * Publishes a new post by the blog's author, dated now.
     *
     * @param draft what the admin typed
     * @return saved, or rejected with every problem (a slug that a post, even a deleted one, already has is one)
     */
    public PostSave create(PostDraft draft) {
        Map<PostDraft.Field, String> problems = new EnumMap<>(PostDraft.Field.class);
        problems.putAll(draft.problems());
        if (!problems.containsKey(PostDraft.Field.SLUG) && store.find(draft.slug()).isPresent()) {
            problems.put(PostDraft.Field.SLUG, slugTaken(draft.slug()));
        }
        if (!problems.isEmpty()) {
            return new PostSave.Rejected(problems);
        }
        Instant now = now();
        Post post = new Post(draft.slug(), draft.title(), AUTHOR_NAME, AUTHOR_USER_ID, draft.body(), now, now, false);
        if (!store.insert(post)) {
            return new PostSave.Rejected(Map.of(PostDraft.Field.SLUG, slugTaken(draft.slug())));
        }
        return new PostSave.Saved(post);
    }

    /**
     * Edits the live post the draft's slug names: its title and body; the slug never changes.
     *
     * @param draft the slug of the post and what the admin typed
     * @return saved, rejected with every problem, or not found if the post does not exist or was deleted
     */
    public PostSave update(PostDraft draft) {
        Optional<Post> stored = post(draft.slug());
        if (stored.isEmpty()) {
            return new PostSave.NotFound(draft.slug());
        }
        if (!draft.problems().isEmpty()) {
            return new PostSave.Rejected(draft.problems());
        }
        Post edited = stored.get().edited(draft.title(), draft.body(), now());
        return store.update(edited) ? new PostSave.Saved(edited) : new PostSave.NotFound(draft.slug());
    }

    /**
     * Deletes a live post: it stays stored, marked deleted, so its URL answers 410 Gone and its slug stays taken.
     *
     * @param slug the slug
     * @return the deleted post, or empty if there was no live post with the slug
     */
    public Optional<Post> delete(String slug) {
        Optional<Post> stored = post(slug);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Post deleted = stored.get().asDeleted(now());
        return store.update(deleted) ? Optional.of(deleted) : Optional.empty();
    }

    /**
     * Adds a post as it is unless a post (deleted or not) already has its slug: how the built-in posts are
     * seeded, so that the admin's edits and deletions of them survive restarts.
     *
     * @param post the post
     * @return true if it was added
     */
    public boolean seed(Post post) {
        return store.insert(post);
    }

    private Instant now() {
        // Microseconds: what the database keeps, so a post reads back equal to what was saved.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String slugTaken(String slug) {
        return "Another post, perhaps a deleted one, already has the slug " + slug + ".";
    }
}
