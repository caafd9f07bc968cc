package dev.parley.core.internal;

import dev.parley.core.EditToken;
import dev.parley.storage.CommentId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies edit tokens: {@code <id>.<expiry epoch seconds>.<base64url HMAC-SHA256 of "id.expiry">}.
 *
 * <p>The id and expiry are in the clear so a token can be checked without a table; the MAC makes them
 * unforgeable and is compared in constant time. Thread-safe: a {@link Mac} is made per call because Mac
 * instances are not.
 */
public final class EditTokens {

    /** The shortest secret accepted: the HMAC-SHA256 block's worth of key material is 32 bytes or more. */
    public static final int MIN_SECRET_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

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
        this.key = new SecretKeySpec(Arrays.copyOf(secret, secret.length), ALGORITHM);
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
        String payload = id.value() + "." + expiry.getEpochSecond();
        return new EditToken(payload + "." + ENCODER.encodeToString(mac(payload)));
    }

    /**
     * Checks a token's signature, not its expiry.
     *
     * @param token the token presented
     * @return the comment and expiry, or empty if the token is malformed or forged
     */
    public Optional<Verified> verify(EditToken token) {
        String value = token.value();
        int second = value.lastIndexOf('.');
        int first = second <= 0 ? -1 : value.lastIndexOf('.', second - 1);
        if (first <= 0) {
            return Optional.empty();
        }
        String payload = value.substring(0, second);
        byte[] presented;
        try {
            presented = DECODER.decode(value.substring(second + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), presented)) {
            return Optional.empty();
        }
        try {
            CommentId id = CommentId.of(value.substring(0, first));
            Instant expiry = Instant.ofEpochSecond(Long.parseLong(value.substring(first + 1, second)));
            return Optional.of(new Verified(id, expiry));
        } catch (RuntimeException e) {
            // A valid MAC over a payload we never issued cannot happen without the key; treat it as forged.
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
