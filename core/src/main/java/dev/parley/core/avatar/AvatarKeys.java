package dev.parley.core.avatar;

import dev.parley.storage.Author;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Avatar keys that reveal nothing about the author: HMAC-SHA256 under the site's secret of the author's
 * {@link AvatarHash}, for identicons a page shows and the URL they are served from.
 *
 * <p>An {@link AvatarHash} is an unsalted hash of the e-mail address, so a page or URL carrying it lets anyone
 * who guesses an address confirm that its owner commented (hash the guess and compare), and look the address up
 * in Gravatar's index. A key from this class is the same for the same author on every page and every instance
 * that shares the secret, and draws the same {@link Identicon}, but without the secret it cannot be computed
 * from a guessed address, nor linked across sites with other secrets. Gravatar cannot use it: its URLs need the
 * plain hash by definition (see {@link Gravatar}).
 *
 * <p>The secret must be the same on every instance of a site (store it where they share it, as a database
 * table), and stable across restarts, or the readers' pictures change. A site's secret should be random and
 * kept private; at least {@value #MIN_SECRET_BYTES} bytes are required, 32 are recommended.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the secret.
 */
public final class AvatarKeys {

    /** The shortest secret accepted, in bytes. */
    public static final int MIN_SECRET_BYTES = 16;

    private static final String ALGORITHM = "HmacSHA256";
    /** Separates these keys from any other use of the same secret. */
    private static final byte[] DOMAIN = "parley-avatar-key:".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec secret;

    private AvatarKeys(byte[] secret) {
        this.secret = new SecretKeySpec(secret, ALGORITHM);
    }

    /**
     * Returns the keys under a secret, which is copied.
     *
     * @param secret the site's secret, at least {@value #MIN_SECRET_BYTES} bytes
     * @return the keys
     * @throws NullPointerException if {@code secret} is null
     * @throws IllegalArgumentException if {@code secret} is shorter than {@value #MIN_SECRET_BYTES} bytes
     */
    public static AvatarKeys withSecret(byte[] secret) {
        Objects.requireNonNull(secret, "secret must not be null");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("secret must have at least " + MIN_SECRET_BYTES + " bytes, had "
                    + secret.length);
        }
        return new AvatarKeys(secret.clone());
    }

    /**
     * Returns the key of an author: the HMAC of {@link AvatarHash#of(Author)}, so authors who share a hash (the
     * same e-mail address, whatever its case) share a key.
     *
     * @param author the author
     * @return the key, 64 hex digits like any {@link AvatarHash}, which {@link Identicon} draws
     * @throws NullPointerException if {@code author} is null
     */
    public AvatarHash of(Author author) {
        return of(AvatarHash.of(Objects.requireNonNull(author, "author must not be null")));
    }

    /**
     * Returns the key of a plain hash.
     *
     * @param hash the plain hash, e.g. {@link AvatarHash#ofEmail(String)}
     * @return the key
     * @throws NullPointerException if {@code hash} is null
     */
    public AvatarHash of(AvatarHash hash) {
        Objects.requireNonNull(hash, "hash must not be null");
        Mac mac = mac();
        mac.update(DOMAIN);
        mac.update(hash.hex().getBytes(StandardCharsets.US_ASCII));
        return new AvatarHash(java.util.HexFormat.of().formatHex(mac.doFinal()));
    }

    private Mac mac() {
        try {
            // Mac instances are not thread-safe; one per call is cheap next to drawing or serving a page.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform provides HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "AvatarKeys[HmacSHA256, secret hidden]";
    }
}
