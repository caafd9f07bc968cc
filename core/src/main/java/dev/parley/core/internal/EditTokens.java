package dev.parley.core.internal;

import dev.parley.core.EditToken;
import dev.parley.storage.CommentId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues and verifies edit tokens: {@code <id>.<expiry epoch seconds>.<base64url HMAC-SHA256 of "id.expiry">}.
 *
 * <p>The id and expiry are in the clear so a token can be checked without a table; the MAC makes them
 * unforgeable and is compared in constant time ({@link HmacSigner}). Thread-safe and immutable.
 */
public final class EditTokens {

    /** The shortest secret accepted: the HMAC-SHA256 block's worth of key material is 32 bytes or more. */
    public static final int MIN_SECRET_LENGTH = 32;

    private final HmacSigner signer;

    /**
     * Creates the issuer.
     *
     * @param secret the key, {@value #MIN_SECRET_LENGTH} bytes or more; copied
     */
    public EditTokens(byte[] secret) {
        Objects.requireNonNull(secret, "token secret must not be null");
        if (secret.length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "token secret must be at least " + MIN_SECRET_LENGTH + " bytes, was " + secret.length);
        }
        this.signer = new HmacSigner(secret);
    }

    /** A token whose signature checked out: the comment it is for and when it expires. */
    public record Verified(CommentId id, Instant expiry) {
    }

    /**
     * Issues a token.
     *
     * @param id the comment
     * @param expiry when the token stops allowing edits
     * @return the token
     */
    public EditToken issue(CommentId id, Instant expiry) {
        return new EditToken(signer.sign(id.value() + "." + expiry.getEpochSecond()));
    }

    /**
     * Checks a token's signature, not its expiry.
     *
     * @param token the token presented
     * @return the comment and expiry, or empty if the token is malformed or forged
     */
    public Optional<Verified> verify(EditToken token) {
        Optional<String> signed = signer.payload(token.value());
        if (signed.isEmpty()) {
            return Optional.empty();
        }
        String value = signed.get();
        int first = value.lastIndexOf('.');
        if (first <= 0) {
            return Optional.empty();
        }
        try {
            CommentId id = CommentId.of(value.substring(0, first));
            Instant expiry = Instant.ofEpochSecond(Long.parseLong(value.substring(first + 1)));
            return Optional.of(new Verified(id, expiry));
        } catch (RuntimeException e) {
            // A valid MAC over a payload we never issued cannot happen without the key; treat it as forged.
            return Optional.empty();
        }
    }
}
