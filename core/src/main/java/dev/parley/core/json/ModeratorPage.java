package dev.parley.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A page of the moderation queue (or any status list) in the moderator schema. Immutable and thread-safe.
 *
 * @param items the comments in page order
 * @param next the cursor token of the next page, or null on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModeratorPage(List<ModeratorComment> items, @Nullable String next) {

    /**
     * Copies the items.
     *
     * @throws NullPointerException if {@code items} is null
     */
    public ModeratorPage {
        items = List.copyOf(Objects.requireNonNull(items, "items must not be null"));
    }
}
