package dev.parley.pingback.verify.internal;

/**
 * Decides whether one reference on a page resolves to the target, cheaply for the many that do not: most
 * references are rejected by comparing a few characters with the target, and only the rest go through
 * {@link Urls#resolve(String, String)}. The shortcut is conservative: it rejects only references whose
 * resolution provably differs (plain characters only, no dot segments, escapes, backslashes or whitespace,
 * and a mismatch in the parts that resolution keeps verbatim); anything unusual takes the full path.
 * Immutable and thread-safe.
 */
final class LinkMatcher {

    /** ASCII characters resolution keeps as written; a dot (a dot segment?) needs a look at its neighbour. */
    private static final boolean[] PLAIN = new boolean[128];

    /** Characters the first pass must notice: the fragment, escapes, and what cleaning removes or converts. */
    private static final boolean[] NOTABLE = new boolean[128];

    static {
        for (char c : "#%\\\t\n\r".toCharArray()) {
            NOTABLE[c] = true;
        }
        for (char c = '!'; c < 0x7f; c++) {
            PLAIN[c] = "\"%'.<>\\`{}".indexOf(c) < 0;
        }
    }

    private final String base;
    private final String target;
    private final int targetAuthorityStart;
    private final int targetPathStart;
    private final boolean sameOrigin;
    private final boolean baseIsTarget;

    /**
     * Creates a matcher.
     *
     * @param base the canonical base URL of the page
     * @param target the canonical target URL
     */
    LinkMatcher(String base, String target) {
        this.base = base;
        this.target = target;
        this.targetAuthorityStart = target.indexOf("://") + 3;
        this.targetPathStart = target.indexOf('/', targetAuthorityStart);
        int basePathStart = base.indexOf('/', base.indexOf("://") + 3);
        this.sameOrigin = basePathStart == targetPathStart && base.regionMatches(0, target, 0, targetPathStart);
        this.baseIsTarget = base.equals(target);
    }

    /**
     * Returns whether the reference resolves to the target.
     *
     * @param reference an href or src value, entities decoded
     * @return true if it links to the target
     */
    boolean matches(String reference) {
        return mayMatch(reference) && target.equals(Urls.resolve(base, reference));
    }

    /** Returns false only when the reference certainly does not resolve to the target. */
    boolean mayMatch(String reference) {
        // One pass finds the fragment and anything cleaning or escaping would change; most characters are plain.
        int n = reference.length();
        int end = n;
        boolean percent = false;
        boolean cleaned = false;
        for (int i = 0; i < n; i++) {
            char c = reference.charAt(i);
            if (c < 0x80 && !NOTABLE[c]) {
                continue;
            }
            if (c == '#') {
                end = i;
                break;
            }
            if (c == '%') {
                percent = true;
            } else if (c < 0x80) {
                cleaned = true;
            }
        }
        if (end == 0) {
            return baseIsTarget;
        }
        if (cleaned || reference.charAt(0) <= ' ') {
            // Cleaning would change the reference (a scheme or an authority could appear): no shortcut.
            return true;
        }
        int colon = Urls.schemeEnd(reference);
        if (colon > 0 && colon < end) {
            boolean http = colon == 4 && reference.regionMatches(true, 0, "http", 0, 4)
                    || colon == 5 && reference.regionMatches(true, 0, "https", 0, 5);
            if (!http) {
                return false;
            }
            return !reference.startsWith("//", colon + 1) || authorityAndPathMayMatch(reference, colon + 3, end);
        }
        if (reference.charAt(0) == '/' && end > 1 && reference.charAt(1) == '/') {
            return authorityAndPathMayMatch(reference, 2, end);
        }
        return percent || tailMayMatch(reference, end);
    }

    /**
     * For a path or query reference: resolution puts something before it and keeps its plain tail as
     * written, so the tail is compared with the end of the target from right to left. A mismatch in a tail
     * that resolution cannot alter (no escapes, no dot segment, nothing trimmed, removed or encoded) rules the
     * reference out; reaching an unusual character first sends it to the full resolver.
     */
    private boolean tailMayMatch(String reference, int end) {
        int j = target.length() - 1;
        for (int i = end - 1; i >= 0; i--, j--) {
            char c = reference.charAt(i);
            if (c >= 0x80 || !PLAIN[c]) {
                if (c != '.' || !isNameCharacter(reference, i + 1, end)) {
                    return true;
                }
            }
            if (j < targetPathStart) {
                // The tail reaches the target's authority: a reference that cleaning makes absolute could
                // differ there only in case or port, which only the full resolver judges.
                return true;
            }
            if (c != target.charAt(j)) {
                return false;
            }
        }
        return sameOrigin && (reference.charAt(0) != '/' || j == targetPathStart - 1);
    }


    /** Whether a dot is followed by a plain segment character, so its segment is not "." or "..". */
    private static boolean isNameCharacter(String reference, int index, int end) {
        if (index >= end) {
            return false;
        }
        char next = reference.charAt(index);
        return next < 0x80 && PLAIN[next] && next != '/' && next != '?';
    }

    /**
     * For a reference with an authority: a plain authority that differs from the target's rules it out,
     * whatever its path; a matching one goes to the full resolver (links to the target's host are few).
     */
    private boolean authorityAndPathMayMatch(String reference, int authorityStart, int end) {
        if (authorityStart < end && reference.charAt(authorityStart) == '/') {
            // Browsers skip any number of slashes before an http(s) authority.
            return true;
        }
        int pathStart = authorityStart;
        while (pathStart < end) {
            char c = reference.charAt(pathStart);
            if (c == '/' || c == '?') {
                break;
            }
            if (c >= 0x80 || !PLAIN[c] && c != '.' || c == ':' || c == '@') {
                return true;
            }
            pathStart++;
        }
        int authorityLength = pathStart - authorityStart;
        return authorityLength == targetPathStart - targetAuthorityStart
                && target.regionMatches(true, targetAuthorityStart, reference, authorityStart, authorityLength);
    }
}
