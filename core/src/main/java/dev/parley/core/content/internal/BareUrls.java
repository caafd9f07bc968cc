package dev.parley.core.content.internal;

import org.jspecify.annotations.Nullable;

/**
 * Finds bare URLs in prose: {@code http://} and {@code https://} (in any case) and {@code www.} (lower or
 * upper case) at a word start, up to the
 * first character that cannot be part of a URL, minus trailing punctuation that belongs to the sentence.
 *
 * <p>A hand-written scanner rather than a regular expression: it runs over every text node of every comment,
 * and its edges (which closing parenthesis is part of the URL) are easier to state as code. Searches go
 * through a {@link Scanner}, one per text.
 */
final class BareUrls {

    /** The length of the shortest text that holds a URL: {@code www.a.b}. */
    static final int SHORTEST = 7;

    private BareUrls() {
    }

    /**
     * A URL found at {@code [start, end)} of the text.
     *
     * @param start index of its first character
     * @param end index after its last character
     * @param href the link target: the text itself, with {@code https://} in front of a {@code www.} start
     */
    record Match(int start, int end, String href) {
    }

    /**
     * Finds the bare URLs of one text in order. It remembers where the next candidate of each kind is, so a
     * text searched from one match to the next is scanned once in all, however many URLs and however many
     * colons and dots it holds. Not thread-safe: one per text being written.
     */
    static final class Scanner {
        private final String text;
        /** The first scheme candidate at or after {@link #schemeFrom}, or -1 for none; valid once searched. */
        private int scheme;
        private int schemeFrom = Integer.MAX_VALUE;
        /** The first {@code www.} candidate at or after {@link #wwwFrom}, or -1 for none. */
        private int www;
        private int wwwFrom = Integer.MAX_VALUE;
        /** Candidate positions looked at so far, for tests. */
        long probes;

        Scanner(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }

        /**
         * Returns the first bare URL at or after {@code from}, or null. Calls with {@code from} growing, as the
         * writer makes them, reuse the earlier searches.
         *
         * @param from where to start looking
         * @return the match, or null if there is none
         */
        @Nullable Match next(int from) {
            int length = text.length();
            int scheme = schemeAt(from);
            int www = wwwAt(from);
            while (scheme >= 0 || www >= 0) {
                boolean isWww = scheme < 0 || www >= 0 && www < scheme;
                int i = isWww ? www : scheme;
                int prefix = isWww ? 4 : text.charAt(i + 4) == ':' ? 7 : 8;
                int hostStart = i + prefix;
                // The host is checked before the rest is scanned, so a rejected candidate costs only its host.
                boolean valid = (i == 0 || startsWord(text.charAt(i - 1)))
                        && (isWww ? wwwHost(text, hostStart) : schemeHost(text, hostStart));
                if (valid) {
                    int end = hostStart;
                    while (end < length) {
                        int cp = text.codePointAt(end);
                        if (!isUrlCodePoint(cp)) {
                            break;
                        }
                        end += Character.charCount(cp);
                    }
                    end = trimTrailing(text, i, end);
                    String url = text.substring(i, end);
                    return new Match(i, end, isWww ? "https://" + url : url);
                }
                if (isWww) {
                    www = wwwAt(i + 1);
                } else {
                    scheme = schemeAt(hostStart);
                }
            }
            return null;
        }

        /** The first scheme candidate at or after {@code from}: the remembered one if it still answers. */
        private int schemeAt(int from) {
            if (schemeFrom > from || scheme >= 0 && scheme < from) {
                scheme = schemeCandidate(from);
                schemeFrom = from;
            }
            return scheme;
        }

        private int wwwAt(int from) {
            if (wwwFrom > from || www >= 0 && www < from) {
                www = wwwCandidate(from);
                wwwFrom = from;
            }
            return www;
        }

        /** Start of the next {@code http://} or {@code https://} (any case) at or after {@code from}, or -1. */
        private int schemeCandidate(int from) {
            // Found by their colon: a search for one char is vectorized for both string encodings, and colons
            // are rare in prose.
            for (int colon = text.indexOf(':', from + 4); colon >= 0; colon = text.indexOf(':', colon + 1)) {
                probes++;
                if (!text.startsWith("//", colon + 1)) {
                    continue;
                }
                if (colon - 5 >= from && text.regionMatches(true, colon - 5, "https", 0, 5)) {
                    return colon - 5;
                }
                if (text.regionMatches(true, colon - 4, "http", 0, 4)) {
                    return colon - 4;
                }
            }
            return -1;
        }

        /** Start of the next {@code www.} or {@code WWW.} at or after {@code from}, or -1. */
        private int wwwCandidate(int from) {
            // Found by their dot, for the same reason: one vectorized search instead of one per spelling.
            for (int dot = text.indexOf('.', from + 3); dot >= 0; dot = text.indexOf('.', dot + 1)) {
                probes++;
                char last = text.charAt(dot - 1);
                if (last == 'w' ? text.startsWith("ww", dot - 3) : last == 'W' && text.startsWith("WW", dot - 3)) {
                    return dot - 3;
                }
            }
            return -1;
        }
    }

    private static boolean startsWord(char previous) {
        if (Character.isLetterOrDigit(previous)) {
            return false;
        }
        return "@./-_=&?#%+~:".indexOf(previous) < 0;
    }

    private static boolean isUrlCodePoint(int cp) {
        if (cp < 0x80) {
            if (cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9') {
                return true;
            }
            return "-._~:/?#[]@!$&'()*+,;=%".indexOf(cp) >= 0;
        }
        // Non-ASCII letters and marks appear in IRIs; non-ASCII punctuation (quotes, CJK full stops) ends a URL.
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * Drops sentence punctuation after a URL, and a closing bracket the URL did not open, so that
     * {@code (see https://en.wikipedia.org/wiki/Tree_(graph_theory)).} keeps the inner pair only.
     */
    private static int trimTrailing(String text, int start, int end) {
        int parens = 0;
        int brackets = 0;
        for (int i = start; i < end; i++) {
            switch (text.charAt(i)) {
                case '(' -> parens++;
                case ')' -> parens--;
                case '[' -> brackets++;
                case ']' -> brackets--;
                default -> {
                }
            }
        }
        while (end > start) {
            char last = text.charAt(end - 1);
            if (".,:;!?'*".indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && parens < 0) {
                end--;
                parens++;
            } else if (last == ']' && brackets < 0) {
                end--;
                brackets++;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean schemeHost(String text, int hostStart) {
        if (hostStart >= text.length()) {
            return false;
        }
        char first = text.charAt(hostStart);
        return Character.isLetterOrDigit(first) || first == '[';
    }

    /** A {@code www.} host needs a label, a dot and a label that starts with a letter or digit after it. */
    private static boolean wwwHost(String text, int hostStart) {
        int length = text.length();
        if (hostStart >= length || !Character.isLetterOrDigit(text.charAt(hostStart))) {
            return false;
        }
        for (int i = hostStart + 1; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                return i + 1 < length && Character.isLetterOrDigit(text.charAt(i + 1));
            }
            if (!Character.isLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return false;
    }
}
