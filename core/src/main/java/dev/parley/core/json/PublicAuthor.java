package dev.parley.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A comment's author as the public sees it: name, web site and avatar, never e-mail, address or User-Agent.
 * Immutable and thread-safe.
 *
 * @param name the display name
 * @param url the author's web site (http or https), or null
 * @param avatar the avatar image URL, or null when the host configured none
 * @param postAuthor whether the author wrote the post the comment is on (a page shows an "author" badge), or
 *     null when the host told the converter nothing about post authors ({@link CommentJson#withPostAuthor})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicAuthor(String name, @Nullable String url, @Nullable String avatar,
        @Nullable Boolean postAuthor) {

    /**
     * Checks the name.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public PublicAuthor {
        Objects.requireNonNull(name, "name must not be null");
    }

    /**
     * Creates an author view that says nothing about the post's author.
     *
     * @param name the display name
     * @param url the author's web site, or null
     * @param avatar the avatar image URL, or null
     * @throws NullPointerException if {@code name} is null
     */
    public PublicAuthor(String name, @Nullable String url, @Nullable String avatar) {
        this(name, url, avatar, null);
    }
}
