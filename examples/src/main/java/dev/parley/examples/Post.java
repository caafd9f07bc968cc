package dev.parley.examples;

import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A blog post of the demo: what a host application already has before it adds comments.
 *
 * <p>The slug is both the path segment ({@code /posts/<slug>}) and the comment thread's key.
 *
 * @param slug the URL segment and thread key: lower-case letters, digits and dashes
 * @param title the title, plain text
 * @param author the display name of the blog's author, plain text
 * @param authorUserId the author's user id in the host, which marks their comments as the author's
 * @param publishedAt when it was published
 * @param paragraphs the body, plain-text paragraphs
 * @param question the question to readers that closes the post, plain text
 */
public record Post(String slug, String title, String author, String authorUserId, Instant publishedAt,
        List<String> paragraphs, String question) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the slug is malformed
     */
    public Post {
        Objects.requireNonNull(slug, "slug must not be null");
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("slug must be lower-case words joined by dashes, was \"" + slug + "\"");
        }
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(author, "author must not be null");
        Objects.requireNonNull(authorUserId, "authorUserId must not be null");
        Objects.requireNonNull(publishedAt, "publishedAt must not be null");
        paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs must not be null"));
        Objects.requireNonNull(question, "question must not be null");
    }

    /**
     * The comment thread of this post.
     *
     * @return the thread key, the slug
     */
    public ThreadKey thread() {
        return ThreadKey.of(slug);
    }

    /**
     * The path of the post page.
     *
     * @return {@code /posts/<slug>}
     */
    public String path() {
        return "/posts/" + slug;
    }
}
