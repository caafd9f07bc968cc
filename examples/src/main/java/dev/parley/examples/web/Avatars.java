package dev.parley.examples.web;

import dev.parley.core.avatar.AvatarHash;
import dev.parley.core.avatar.Identicon;

/**
 * The identicons {@link AvatarServlet} draws, from core's {@code dev.parley.core.avatar}.
 *
 * <p>The key in an avatar's URL ({@link SiteUrls#avatar}) is an HMAC of the author's e-mail hash under the
 * site's secret ({@link dev.parley.core.avatar.AvatarKeys}), never Gravatar's hash or any other plain hash of
 * the address, which would let anyone confirm a guessed address. Any 64 hex digits draw a picture: a key
 * reveals nothing, so the servlet needs no secret to draw one. Thread-safe: stateless.
 */
final class Avatars {

    /** The size the pages draw avatars at, in CSS pixels. */
    static final int SIZE = 40;

    private Avatars() {
    }

    static boolean isKey(String value) {
        if (value.length() != 64) {
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

    static String identicon(String key) {
        return Identicon.svg(new AvatarHash(key), SIZE);
    }
}
