package dev.parley.examples;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the admin typed into the post form, normalized: title and slug trimmed, line breaks of the body as
 * {@code \n} and its surrounding whitespace removed.
 *
 * <p>{@link #problems()} checks everything a form can check by itself; whether the slug is free is the blog's
 * to say ({@link Blog#create(PostDraft)}). Immutable and thread-safe.
 *
 * @param slug the slug (ignored by {@link Blog#update} except to name the post)
 * @param title the title
 * @param body the body, in the post format
 */
public record PostDraft(String slug, String title, String body) {

    /** The longest title, in UTF-16 units (so that it fits every database's column whatever the characters). */
    public static final int MAX_TITLE_LENGTH = 200;
    /** The longest body, in UTF-16 units. */
    public static final int MAX_BODY_LENGTH = 20_000;

    /** The form's fields, in the order the form shows them and problems are listed. */
    public enum Field {
        /** The title. */
        TITLE,
        /** The slug. */
        SLUG,
        /** The body. */
        BODY
    }

    /**
     * Normalizes the fields.
     */
    public PostDraft {
        slug = Objects.requireNonNull(slug, "slug must not be null").strip();
        title = Objects.requireNonNull(title, "title must not be null").strip();
        body = Objects.requireNonNull(body, "body must not be null").replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /**
     * Every problem of the draft, one message per field, in {@link Field} order; empty when it can be saved.
     *
     * @return the messages by field
     */
    public Map<Field, String> problems() {
        Map<Field, String> problems = new EnumMap<>(Field.class);
        if (title.isEmpty()) {
            problems.put(Field.TITLE, "Give the post a title.");
        } else if (title.length() > MAX_TITLE_LENGTH) {
            problems.put(Field.TITLE, "The title is too long: " + title.length() + " characters, at most "
                    + MAX_TITLE_LENGTH + ".");
        } else if (title.chars().anyMatch(Character::isISOControl)) {
            problems.put(Field.TITLE, "The title must be one line of text.");
        }
        if (slug.isEmpty()) {
            problems.put(Field.SLUG, "Give the post a slug, the last part of its address.");
        } else if (slug.length() > Post.MAX_SLUG_LENGTH) {
            problems.put(Field.SLUG, "The slug is too long: " + slug.length() + " characters, at most "
                    + Post.MAX_SLUG_LENGTH + ".");
        } else if (!Post.isSlug(slug)) {
            problems.put(Field.SLUG, "The slug may hold lower-case letters and digits, words joined by single "
                    + "dashes, like my-first-post.");
        }
        if (body.isEmpty()) {
            problems.put(Field.BODY, "Write the post's text.");
        } else if (body.length() > MAX_BODY_LENGTH) {
            problems.put(Field.BODY, "The text is too long: " + body.length() + " characters, at most "
                    + MAX_BODY_LENGTH + ".");
        } else if (body.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            problems.put(Field.BODY, "The text holds control characters; paste it as plain text.");
        }
        return Collections.unmodifiableMap(problems);
    }
}
