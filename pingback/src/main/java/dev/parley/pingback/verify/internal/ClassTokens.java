package dev.parley.pingback.verify.internal;

/**
 * Reads microformats2 class names straight from a {@code class} attribute value, without splitting it into
 * a set: this runs on every element of a page. Class names are case-sensitive, as in microformats2.
 * Stateless and thread-safe.
 */
final class ClassTokens {

    private ClassTokens() {
    }

    /** Returns whether the class attribute value holds the token as a whole word. */
    static boolean has(String classes, String token) {
        int from = 0;
        while (true) {
            int i = classes.indexOf(token, from);
            if (i < 0) {
                return false;
            }
            int end = i + token.length();
            if ((i == 0 || isSpace(classes.charAt(i - 1))) && (end == classes.length()
                    || isSpace(classes.charAt(end)))) {
                return true;
            }
            from = i + 1;
        }
    }

    /** Returns whether the value holds a microformats2 root class name such as {@code h-entry}. */
    static boolean hasRoot(String classes) {
        int i = 0;
        int n = classes.length();
        while (i < n) {
            while (i < n && isSpace(classes.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(classes.charAt(i))) {
                i++;
            }
            if (isRootName(classes, start, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRootName(String s, int start, int end) {
        if (end - start < 3 || s.charAt(start) != 'h' || s.charAt(start + 1) != '-') {
            return false;
        }
        char previous = '-';
        for (int i = start + 2; i < end; i++) {
            char c = s.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!letter && !(c == '-' && previous != '-')) {
                return false;
            }
            previous = c;
        }
        return previous != '-';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
