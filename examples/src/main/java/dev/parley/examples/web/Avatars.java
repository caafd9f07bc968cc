package dev.parley.examples.web;

import dev.parley.storage.Author;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The avatar key of an author: a hash that picks their identicon without revealing who they are.
 *
 * <p>The key is the first 32 hex digits of SHA-256 over the trimmed, lower-cased e-mail address when there is
 * one (so an author keeps their picture across names), else over the name. Thread-safe: stateless.
 */
final class Avatars {

    private Avatars() {
    }

    static String key(Author author) {
        String seed = author.email() != null && !author.email().isBlank()
                ? "email:" + author.email().strip().toLowerCase(Locale.ROOT)
                : "name:" + author.name().strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static boolean isKey(String value) {
        if (value.length() != 32) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A 5x5 mirrored identicon drawn from the key's bits: the colour from the first three bytes, the cells
     * from the next fifteen bits.
     */
    static String identicon(String key) {
        byte[] bits = HexFormat.of().parseHex(key);
        int hue = ((bits[0] & 0xff) << 8 | (bits[1] & 0xff)) % 360;
        StringBuilder svg = new StringBuilder(1024)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 5 5\" width=\"40\" height=\"40\">")
                .append("<rect width=\"5\" height=\"5\" fill=\"#f0eee9\"/>")
                .append("<g fill=\"hsl(").append(hue).append(",45%,48%)\">");
        int bit = 0;
        for (int x = 0; x < 3; x++) {
            for (int y = 0; y < 5; y++, bit++) {
                boolean on = (bits[2 + bit / 8] >> (bit % 8) & 1) == 1;
                if (on) {
                    svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"1\" height=\"1\"/>");
                    if (x < 2) {
                        svg.append("<rect x=\"").append(4 - x).append("\" y=\"").append(y)
                                .append("\" width=\"1\" height=\"1\"/>");
                    }
                }
            }
        }
        return svg.append("</g></svg>").toString();
    }
}
