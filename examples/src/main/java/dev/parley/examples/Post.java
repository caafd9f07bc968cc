package dev.parley.examples;

import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A blog post of the demo: what a host application already has before it adds comments.
 *
 * <p>The slug is both the path segment ({@code /posts/<slug>}) and the comment thread's key, so it never changes
 * once the post exists. The body is plain text in the demo's small format (see {@code web.PostText}): paragraphs
 * separated by an empty line, with links written {@code [text](https://...)} or as bare http(s) URLs. A deleted
 * post keeps its row, so its URL answers 410 Gone and its slug is never given to another post.
 *
 * @param slug the URL segment and thread key: lower-case letters and digits, words joined by single dashes
 * @param title the title, plain text
 * @param author the display name of the blog's author, plain text
 * @param authorUserId the author's user id in the host, which marks their comments as the author's
 * @param body the text, in the demo's post format
 * @param publishedAt when it was published
 * @param updatedAt when it was last edited or deleted; {@code publishedAt} if never
 * @param deleted whether the admin deleted it
 */
public record Post(String slug, String title, String author, String authorUserId, String body, Instant publishedAt,
        Instant updatedAt, boolean deleted) {

    /** The longest slug. */
    public static final int MAX_SLUG_LENGTH = 80;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern BLANK_LINES = Pattern.compile("\n[ \t]*\n\\s*");

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the slug is malformed
     */
    public Post {
        Objects.requireNonNull(slug, "slug must not be null");
        if (!isSlug(slug)) {
            throw new IllegalArgumentException("slug must be lower-case words joined by dashes, at most "
                    + MAX_SLUG_LENGTH + " characters, was \"" + slug + "\"");
        }
        Objects.requireNonNull(title, "title must not be null");
        Objects.requireNonNull(author, "author must not be null");
        Objects.requireNonNull(authorUserId, "authorUserId must not be null");
        Objects.requireNonNull(body, "body must not be null");
        Objects.requireNonNull(publishedAt, "publishedAt must not be null");
        Objects.requireNonNull(updatedAt, "updatedAt must not be null");
    }

    /**
     * Tells whether a string is a well-formed slug: lower-case ASCII letters and digits, words joined by single
     * dashes, at most {@link #MAX_SLUG_LENGTH} characters.
     *
     * @param candidate the string
     * @return true if it is one
     */
    public static boolean isSlug(String candidate) {
        return candidate.length() <= MAX_SLUG_LENGTH && SLUG.matcher(candidate).matches();
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

    /**
     * The body's paragraphs: the text between empty lines, trimmed, empty ones left out.
     *
     * @return the paragraphs, still in the post format
     */
    public List<String> paragraphs() {
        return Arrays.stream(BLANK_LINES.split(body.replace("\r\n", "\n").replace('\r', '\n')))
                .map(String::strip)
                .filter(paragraph -> !paragraph.isEmpty())
                .toList();
    }

    /**
     * This post with another title and body.
     *
     * @param newTitle the title
     * @param newBody the body
     * @param at when it was edited
     * @return the edited post
     */
    public Post edited(String newTitle, String newBody, Instant at) {
        return new Post(slug, newTitle, author, authorUserId, newBody, publishedAt, at, deleted);
    }

    /**
     * This post, deleted.
     *
     * @param at when it was deleted
     * @return the deleted post
     */
    public Post asDeleted(Instant at) {
        return new Post(slug, title, author, authorUserId, body, publishedAt, at, true);
    }
}
