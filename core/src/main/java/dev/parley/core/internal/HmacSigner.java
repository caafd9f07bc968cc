package dev.parley.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a payload as {@code <payload>.<base64url HMAC-SHA256 of the payload>} and gives the payload of a token
 * back only when its MAC checks out, compared in constant time: what edit tokens and notification links share.
 * Thread-safe: a {@link Mac} is made per call because Mac instances are not.
 */
public final class HmacSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /**
     * Creates the signer.
     *
     * @param secret the key; copied
     */
    public HmacSigner(byte[] secret) {
        Objects.requireNonNull(secret, "secret must not be null");
        this.key = new SecretKeySpec(Arrays.copyOf(secret, secret.length), ALGORITHM);
    }

    /**
     * Signs a payload.
     *
     * @param payload the text in the clear
     * @return the payload, a dot and its MAC
     */
    public String sign(String payload) {
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /**
     * Checks a signed token.
     *
     * @param token a token {@link #sign} may have made
     * @return the payload, or empty if the token is malformed or its MAC does not match
     */
    public Optional<String> payload(String token) {
        int last = token.lastIndexOf('.');
        if (last <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, last);
        byte[] presented;
        try {
            presented = DECODER.decode(token.substring(last + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(mac(payload), presented) ? Optional.of(payload) : Optional.empty();
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
