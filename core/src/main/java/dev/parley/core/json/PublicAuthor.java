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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicAuthor(String name, @Nullable String url, @Nullable String avatar) {

    /**
     * Checks the name.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public PublicAuthor {
        Objects.requireNonNull(name, "name must not be null");
    }
}
