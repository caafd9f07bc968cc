package dev.parley.examples.web;

import dev.parley.core.avatar.AvatarHash;
import dev.parley.core.avatar.Identicon;
import dev.parley.storage.Author;

/**
 * The avatar key of an author and the identicon it draws, both from core's {@code dev.parley.core.avatar}.
 *
 * <p>The key is not Gravatar's hash itself (which would let anyone match a reader's e-mail address against
 * Gravatar's index) but a hash of it under a prefix: the same author always gets the same picture, and the URL
 * reveals no more than that. Thread-safe: stateless.
 */
final class Avatars {

    /** The size the pages draw avatars at, in CSS pixels. */
    static final int SIZE = 40;

    private Avatars() {
    }

    static String key(Author author) {
        return AvatarHash.ofKey("parley-demo-avatar:" + AvatarHash.of(author).hex()).hex();
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
