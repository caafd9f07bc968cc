package dev.parley.core.notify;

import dev.parley.core.internal.HmacSigner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Signs and checks the tokens in notification links: the fields in the clear, each base64url-encoded, joined by
 * dots, then the base64url HMAC-SHA256 of everything before it. The first field names the purpose, so a token
 * made for one purpose (confirming an address) is refused for another (unsubscribing), and the address, thread
 * or comment the token is for is inside the MAC, so it cannot be reused for another.
 *
 * <p>Thread-safe and immutable; the MAC is {@link HmacSigner}'s, shared with edit tokens.
 */
final class SignedTokens {

    /** The shortest secret accepted, as for edit tokens. */
    static final int MIN_SECRET_LENGTH = 32;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Longer tokens are refused before any work: no field of ours comes near it. */
    private static final int MAX_TOKEN_LENGTH = 4_096;

    private final HmacSigner signer;

    SignedTokens(byte[] secret) {
        this.signer = new HmacSigner(secret);
    }

    /** Signs the purpose and fields. */
    String sign(String purpose, String... fields) {
        StringBuilder payload = new StringBuilder(encode(purpose));
        for (String field : fields) {
            payload.append('.').append(encode(field));
        }
        return signer.sign(payload.toString());
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
        Optional<String> signed = signer.payload(token);
        if (signed.isEmpty()) {
            return Optional.empty();
        }
        String payload = signed.get();
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
}
