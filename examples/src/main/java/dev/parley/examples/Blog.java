package dev.parley.examples;

import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo blog's posts, in the order the front page lists them.
 *
 * <p>Immutable and thread-safe.
 */
public final class Blog {

    /** The host user id of the blog's author: their comments carry it and render with an "author" badge. */
    public static final String AUTHOR_USER_ID = "mara";

    private final String name;
    private final Map<String, Post> posts;

    private Blog(String name, List<Post> posts) {
        this.name = Objects.requireNonNull(name, "name");
        Map<String, Post> bySlug = new LinkedHashMap<>();
        for (Post post : posts) {
            if (bySlug.put(post.slug(), post) != null) {
                throw new IllegalArgumentException("two posts have the slug " + post.slug());
            }
        }
        this.posts = java.util.Collections.unmodifiableMap(bySlug);
    }

    /**
     * The demo's blog, with its posts written for Parley.
     *
     * @return the blog
     */
    public static Blog demo() {
        Post threads = new Post(
                "do-comment-threads-still-matter",
                "Do comment threads still matter?",
                "Mara Lindqvist",
                AUTHOR_USER_ID,
                Instant.parse("2026-11-20T08:30:00Z"),
                List.of(
                        "For a few years it looked as if the comment section was finished. Conversations moved to "
                                + "social networks, and many of us switched our blogs' comments off, partly out of "
                                + "tiredness with spam and partly because nobody seemed to use them.",
                        "Yet the best things I learned from this blog came from readers who wrote back: a "
                                + "correction from someone who actually ran the system I described, a question that "
                                + "turned into a second post, a reply to a reply that settled an argument more kindly "
                                + "than I could have.",
                        "Linkbacks did something similar between blogs. A pingback or a webmention is a small "
                                + "note saying \"I wrote about this too\", and following those notes is how I found "
                                + "half the writers I still read.",
                        "So I turned comments back on, threaded this time, with a moderation queue I can live "
                                + "with and no third-party script on the page."),
                "What made you stop, or keep, commenting on blogs? Tell me below, or link to this post from "
                        + "your own blog and it will show up here.");
        Post moderation = new Post(
                "a-moderation-queue-i-can-live-with",
                "A moderation queue I can live with",
                "Mara Lindqvist",
                AUTHOR_USER_ID,
                Instant.parse("2026-11-12T17:05:00Z"),
                List.of(
                        "Holding every comment for review is safe and exhausting. Holding none is pleasant until "
                                + "the first wave of link spam.",
                        "The rule that works for me is the old one: a comment with two or more links waits for "
                                + "me, and so does anyone who has never had a comment approved. Everyone else "
                                + "appears at once."),
                "Which moderation rules have worked for you?");
        return new Blog("Notes from the Reading Room", List.of(threads, moderation));
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
     * All posts, newest first.
     *
     * @return the posts
     */
    public List<Post> posts() {
        return List.copyOf(posts.values());
    }

    /**
     * The post with a slug.
     *
     * @param slug the slug
     * @return the post, or empty if there is none
     */
    public Optional<Post> post(String slug) {
        return Optional.ofNullable(posts.get(Objects.requireNonNull(slug, "slug")));
    }

    /**
     * The post of a thread.
     *
     * @param thread the thread key
     * @return the post, or empty if the thread is not one of this blog's
     */
    public Optional<Post> post(ThreadKey thread) {
        return post(thread.value());
    }
}
