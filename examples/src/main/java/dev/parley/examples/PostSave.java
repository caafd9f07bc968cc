package dev.parley.examples;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of saving a post from the admin's form: saved, rejected with a message per field, or (for an edit)
 * the post is gone. Outcomes the admin can cause are data, not exceptions.
 */
public sealed interface PostSave permits PostSave.Saved, PostSave.Rejected, PostSave.NotFound {

    /**
     * The post was stored.
     *
     * @param post the post as stored
     */
    record Saved(Post post) implements PostSave {
        /**
         * Checks the field.
         */
        public Saved {
            Objects.requireNonNull(post, "post must not be null");
        }
    }

    /**
     * Nothing was stored; every problem found is named next to its field.
     *
     * @param problems the messages by field, at least one
     */
    record Rejected(Map<PostDraft.Field, String> problems) implements PostSave {
        /**
         * Checks and copies the messages.
         *
         * @throws IllegalArgumentException if there are none
         */
        public Rejected {
            if (Objects.requireNonNull(problems, "problems must not be null").isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one problem");
            }
            problems = Collections.unmodifiableMap(new EnumMap<>(problems));
        }
    }

    /**
     * The post to edit does not exist or was deleted.
     *
     * @param slug the slug that was edited
     */
    record NotFound(String slug) implements PostSave {
        /**
         * Checks the field.
         */
        public NotFound {
            Objects.requireNonNull(slug, "slug must not be null");
        }
    }
}
