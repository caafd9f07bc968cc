package dev.parley.examples.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * A whole answer body, encoded once, with its strong entity tag: what {@link RenderCache} keeps and
 * {@link ConditionalGet} sends or answers 304 for.
 *
 * <p>The tag is {@code "<variant><version>-<digest>"}: the viewer's variant (a letter), the thread's change
 * stamp when the store keeps one, and the first 128 bits of the SHA-256 of the bytes. The digest alone makes the
 * tag strong whatever varies in the bytes (a post edited, another instance's settings, the reader's own
 * controls that close with their edit window, a moderator's CSRF token), so a 304 is never sent for bytes other
 * than the client's; the stamp makes every write of the thread change the tag, even one the variant cannot see.
 *
 * <p>Immutable once built: the array is never handed out to be changed, only written to responses.
 *
 * @param body the bytes, never modified after construction
 * @param etag the strong entity tag, quoted
 */
public record Rendered(byte[] body, String etag) {

    /** The variant letter of the anonymous view, which caches and public caches may share. */
    public static final char ANONYMOUS = 'a';
    /** The variant letter of a reader holding edit tokens or remembered details: their own view. */
    public static final char OWN = 'o';
    /** The variant letter of a logged-in moderator's view. */
    public static final char MODERATOR = 'm';

    /**
     * Checks the components.
     *
     * @throws NullPointerException if one is null
     */
    public Rendered {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
    }

    /**
     * Tags bytes.
     *
     * @param variant the viewer's variant, e.g. {@link #ANONYMOUS}
     * @param version the thread's change stamp, or a negative number when the store keeps none
     * @param body the bytes, which the caller must not change afterwards
     * @return the answer
     */
    public static Rendered of(char variant, long version, byte[] body) {
        StringBuilder tag = new StringBuilder(48).append('"').append(variant);
        if (version >= 0) {
            tag.append(Long.toString(version, 36));
        }
        return new Rendered(body, tag.append('-').append(digest(body)).append('"').toString());
    }

    /**
     * Tags a text, encoded as UTF-8.
     *
     * @param variant the viewer's variant
     * @param version the thread's change stamp, or negative for none
     * @param text the text
     * @return the answer
     */
    public static Rendered of(char variant, long version, String text) {
        return of(variant, version, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
