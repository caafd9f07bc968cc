package dev.parley.core.notify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The text form of a notification job's fields: each base64url-encoded, joined by dots, so an address or a
 * thread key of any characters round-trips. Thread-safe: stateless.
 */
final class JobPayload {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private JobPayload() {
    }

    static String join(String... fields) {
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(ENCODER.encodeToString(field.getBytes(StandardCharsets.UTF_8)));
        }
        return out.toString();
    }

    /**
     * Splits a payload.
     *
     * @throws IllegalArgumentException if it is not {@code fields} encoded fields
     */
    static List<String> split(String payload, int fields) {
        String[] parts = payload.split("\\.", -1);
        if (parts.length != fields) {
            throw new IllegalArgumentException("expected " + fields + " fields, found " + parts.length);
        }
        List<String> values = new ArrayList<>(fields);
        for (String part : parts) {
            values.add(new String(DECODER.decode(part), StandardCharsets.UTF_8));
        }
        return values;
    }
}
