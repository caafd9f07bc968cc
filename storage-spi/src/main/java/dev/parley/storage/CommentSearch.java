package dev.parley.storage;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a moderator's list of comments is filtered by ({@link CommentStore#search}): the statuses to include,
 * and optionally one thread, one author name and a piece of text.
 *
 * <p>A comment matches when every part given holds: its status is one of {@link #statuses()}; its thread is
 * {@link #thread()}; its author's name equals {@link #authorName()} ignoring case; its text contains
 * {@link #text()} ignoring case. Case is folded as {@link String#toLowerCase(Locale)} folds it with
 * {@link Locale#ROOT}; stores fold at least the ASCII letters alike, and the TCK checks no more than that.
 *
 * <p>Immutable and thread-safe.
 *
 * @param statuses the statuses to include, not empty
 * @param thread the one thread to include, or {@code null} for every thread
 * @param authorName the author name to include, or {@code null} for every author
 * @param text the text a comment must contain, or {@code null} for any text
 */
public record CommentSearch(Set<Status> statuses, ThreadKey thread, String authorName,
        String text) {

    /** The longest author name or text searched for. */
    public static final int MAX_TERM_LENGTH = 200;

    /**
     * Checks and copies the parts.
     *
     * @throws NullPointerException if {@code statuses} is null or holds null
     * @throws IllegalArgumentException if {@code statuses} is empty, or the name or text is blank, longer than
     *     {@value #MAX_TERM_LENGTH} characters or holds a control character
     */
    public CommentSearch {
        Objects.requireNonNull(statuses, "statuses must not be null");
        for (Status status : statuses) {
            Objects.requireNonNull(status, "statuses must not contain null");
        }
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses must not be empty");
        }
        statuses = Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        if (authorName != null) {
            Check.noControlCharacters(Check.text(authorName, "author name", MAX_TERM_LENGTH), "author name");
        }
        if (text != null) {
            Check.noControlCharacters(Check.text(text, "text", MAX_TERM_LENGTH), "text");
        }
    }

    /**
     * Every comment of the given statuses, in every thread, by anyone.
     *
     * @param statuses the statuses, not empty
     * @return the search
     * @throws IllegalArgumentException if {@code statuses} is empty
     */
    public static CommentSearch of(Set<Status> statuses) {
        return new CommentSearch(statuses, null, null, null);
    }

    /**
     * A copy limited to one thread.
     *
     * @param value the thread, or {@code null} for every thread
     * @return the copy
     */
    public CommentSearch inThread(ThreadKey value) {
        return new CommentSearch(statuses, value, authorName, text);
    }

    /**
     * A copy limited to one author name, compared ignoring case.
     *
     * @param value the name, or {@code null} for every author
     * @return the copy
     * @throws IllegalArgumentException if the name is blank or too long
     */
    public CommentSearch byAuthor(String value) {
        return new CommentSearch(statuses, thread, value, text);
    }

    /**
     * A copy limited to comments whose text contains {@code value}, ignoring case.
     *
     * @param value the text, or {@code null} for any text
     * @return the copy
     * @throws IllegalArgumentException if the text is blank or too long
     */
    public CommentSearch containing(String value) {
        return new CommentSearch(statuses, thread, authorName, value);
    }

    /**
     * Whether a comment matches, as a store that filters in memory decides it.
     *
     * @param comment the comment
     * @return true if every part of the search holds for it
     */
    public boolean matches(Comment comment) {
        Objects.requireNonNull(comment, "comment must not be null");
        if (!statuses.contains(comment.status())) {
            return false;
        }
        if (thread != null && !thread.equals(comment.thread())) {
            return false;
        }
        if (authorName != null && !fold(authorName).equals(fold(comment.author().name()))) {
            return false;
        }
        return text == null || fold(comment.text()).contains(fold(text));
    }

    private static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
