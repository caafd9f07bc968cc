package dev.parley.core.avatar;

import dev.parley.storage.Author;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The SHA-256 hash an avatar is drawn from, as 64 lower-case hex digits.
 *
 * <p>For an e-mail address it is Gravatar's hash: SHA-256 of the address with surrounding whitespace removed
 * and lower-cased, so {@link Gravatar} finds the author's picture and {@link Identicon} draws the same pattern
 * Parley would draw anywhere else. An author without an address gets the hash of a key instead
 * ({@link #ofKey(String)}, {@link #of(Author)}): the host's user id when there is one, otherwise the display
 * name. Keys are hashed with a {@code parley:} prefix, so a name that happens to be someone's e-mail address
 * never shows that person's Gravatar.
 *
 * <p>The hash is unsalted, so anyone holding it can confirm a guessed e-mail address by hashing the guess. Publish
 * it only in a Gravatar URL, where the host has opted in to that ({@link Gravatar}); key anything else a page
 * shows, such as the URL of an identicon, with {@link AvatarKeys} under the site's secret.
 *
 * <p>Immutable and thread-safe.
 *
 * @param hex 64 lower-case hexadecimal digits
 */
public record AvatarHash(String hex) {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * Checks the digits.
     *
     * @throws NullPointerException if {@code hex} is null
     * @throws IllegalArgumentException if {@code hex} is not 64 lower-case hexadecimal digits
     */
    public AvatarHash {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 64 || !hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw new IllegalArgumentException("hex must be 64 lower-case hexadecimal digits, was \"" + hex + "\"");
        }
    }

    /**
     * Returns Gravatar's hash of an e-mail address: SHA-256 of the trimmed, lower-cased address.
     *
     * @param email the address; not validated beyond being non-blank
     * @return the hash
     * @throws NullPointerException if {@code email} is null
     * @throws IllegalArgumentException if {@code email} is blank
     */
    public static AvatarHash ofEmail(String email) {
        Objects.requireNonNull(email, "email");
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("email must not be blank");
        }
        return new AvatarHash(sha256(normalized));
    }

    /**
     * Returns the hash of a key for an author without an e-mail address: SHA-256 of {@code parley:} followed
     * by the trimmed key. Keys are case-sensitive (user ids often are).
     *
     * @param key a stable identifier chosen by the host, such as a user id
     * @return the hash
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if {@code key} is blank
     */
    public static AvatarHash ofKey(String key) {
        Objects.requireNonNull(key, "key");
        String trimmed = key.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("key must not be blank");
        }
        return new AvatarHash(sha256("parley:" + trimmed));
    }

    /**
     * Returns the hash for an author: of the e-mail address if there is one, else of the key
     * {@code user:<user id>} if there is a user id, else of the key {@code name:<name>} with the name trimmed
     * and lower-cased (so "Ann" and "ann " share an avatar, as readers would expect).
     *
     * @param author the author
     * @return the hash
     * @throws NullPointerException if {@code author} is null
     */
    public static AvatarHash of(Author author) {
        Objects.requireNonNull(author, "author");
        if (author.email() != null) {
            return ofEmail(author.email());
        }
        if (author.userId() != null) {
            return ofKey("user:" + author.userId().strip());
        }
        return ofKey("name:" + author.name().strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Returns the hash as 32 bytes.
     *
     * @return a new array
     */
    public byte[] bytes() {
        return HEX.parseHex(hex);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
