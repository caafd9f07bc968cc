package dev.parley.core.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the tokens in notification links: the fields in the clear, each base64url-encoded, joined by
 * dots, then the base64url HMAC-SHA256 of everything before it. The first field names the purpose, so a token
 * made for one purpose (confirming an address) is refused for another (unsubscribing), and the address, thread
 * or comment the token is for is inside the MAC, so it cannot be reused for another.
 *
 * <p>Thread-safe: a {@link Mac} is made per call because Mac instances are not.
 */
final class SignedTokens {

    /** The shortest secret accepted, as for edit tokens. */
    static final int MIN_SECRET_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Longer tokens are refused before any work: no field of ours comes near it. */
    private static final int MAX_TOKEN_LENGTH = 4_096;

    private final SecretKeySpec key;

    SignedTokens(byte[] secret) {
        this.key = new SecretKeySpec(Arrays.copyOf(secret, secret.length), ALGORITHM);
    }

    /** Signs the purpose and fields. */
    String sign(String purpose, String... fields) {
        StringBuilder payload = new StringBuilder(encode(purpose));
        for (String field : fields) {
            payload.append('.').append(encode(field));
        }
        return payload + "." + ENCODER.encodeToString(mac(payload.toString()));
    }

    /**
     * Checks a token's signature and purpose, comparing the MAC in constant time.
     *
     * @return the fields after the purpose, or empty if the token is malformed, forged or for another purpose
     */
    Optional<List<String>> verify(String token, String purpose, int fields) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
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
        if (!MessageDigest.isEqual(mac(payload), presented)) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.", -1);
        if (parts.length != fields + 1 || !decode(parts[0]).equals(purpose)) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>(fields);
        for (int i = 1; i < parts.length; i++) {
            values.add(decode(parts[i]));
        }
        return Optional.of(values);
    }

    private static String encode(String field) {
        return ENCODER.encodeToString(field.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        // Only a payload we signed gets here, so every part is our own base64url.
        return new String(DECODER.decode(part), StandardCharsets.UTF_8);
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
