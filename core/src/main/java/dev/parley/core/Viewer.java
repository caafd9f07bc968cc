package dev.parley.core;

import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who reads a thread page: decides which held comments it shows besides the published ones.
 *
 * <p>Held (pending) comments are shown only to their author, recognised by an edit token they present or by
 * the host's user id, and to moderators. Immutable and thread-safe.
 *
 * @param editTokens the edit tokens the reader presents (from a cookie), at most {@value #MAX_TOKENS}
 * @param userId the host's id of the authenticated reader, or null
 * @param moderator whether the reader is a moderator, who sees every held comment
 */
public record Viewer(Set<EditToken> editTokens, @Nullable String userId, boolean moderator) {

    /** The most edit tokens a reader presents at once. */
    public static final int MAX_TOKENS = 100;

    private static final Viewer ANONYMOUS = new Viewer(Set.of(), null, false);
    private static final Viewer MODERATOR = new Viewer(Set.of(), null, true);

    /**
     * Copies the tokens.
     *
     * @throws NullPointerException if {@code editTokens} is null or holds null
     * @throws IllegalArgumentException if there are too many tokens or the user id is blank
     */
    public Viewer {
        editTokens = Set.copyOf(Objects.requireNonNull(editTokens, "edit tokens must not be null"));
        if (editTokens.size() > MAX_TOKENS) {
            throw new IllegalArgumentException(
                    "edit tokens must hold at most " + MAX_TOKENS + " tokens, had " + editTokens.size());
        }
        if (userId != null && userId.isBlank()) {
            throw new IllegalArgumentException("user id must not be blank");
        }
    }

    /**
     * Returns a reader who sees published comments only.
     *
     * @return the viewer
     */
    public static Viewer anonymous() {
        return ANONYMOUS;
    }

    /**
     * Returns a moderator, who also sees every held comment.
     *
     * @return the viewer
     */
    public static Viewer forModerator() {
        return MODERATOR;
    }

    /**
     * Returns an anonymous reader presenting edit tokens.
     *
     * @param tokens the tokens
     * @return the viewer
     * @throws NullPointerException if {@code tokens} is null or holds null
     */
    public static Viewer withTokens(Set<EditToken> tokens) {
        return new Viewer(tokens, null, false);
    }

    /**
     * Returns an authenticated reader.
     *
     * @param userId the host's user id
     * @return the viewer
     * @throws NullPointerException if {@code userId} is null
     */
    public static Viewer user(String userId) {
        return new Viewer(Set.of(), Objects.requireNonNull(userId, "user id must not be null"), false);
    }

    /**
     * Tells whether this reader may see someone's held comments at all, so pages read held comments only then.
     *
     * @return true if it presents tokens, a user id, or is a moderator
     */
    public boolean mayOwnHeldComments() {
        return moderator || userId != null || !editTokens.isEmpty();
    }
}
