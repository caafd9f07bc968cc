package dev.parley.pingback.verify.internal;

import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The excerpt around a link, the way WordPress shows pingbacks: the plain text of the link's enclosing block
 * (its nearest non-inline ancestor), cut to a window of about {@code context} characters on each side of the
 * link's own text, cut at word boundaries, with {@code […]} where text was left out. A link with no text
 * around it (a {@code <link>} in the head, an image alone in its block) has the block's text as its excerpt,
 * which may be empty. Stateless and thread-safe.
 */
public final class Excerpts {

    /** The mark put where text was cut. */
    public static final String CUT = "[\u2026]";

    private Excerpts() {
    }

    /**
     * Returns the excerpt around a link element.
     *
     * @param link the element that links to the target
     * @param context characters of context wanted on each side of the link text
     * @param max the longest excerpt, cut marks included; at least {@code 2 * CUT.length() + 12}
     * @return the excerpt, possibly empty
     */
    public static String around(Element link, int context, int max) {
        Element block = blockOf(link);
        if (block == null) {
            return "";
        }
        TextCollector collector = new TextCollector(context + 32, link);
        collector.walk(block);
        String text = collector.text();
        int n = text.length();
        int start = clamp(collector.markStart(), 0, n);
        int end = clamp(collector.markEnd(), start, n);
        int budget = max - 2 * (CUT.length() + 1);
        int from;
        int to;
        if (end - start >= budget) {
            from = start;
            to = start + budget;
        } else {
            int room = budget - (end - start);
            int before = Math.min(start, context);
            int after = Math.min(n - end, context);
            if (before + after > room) {
                int half = room / 2;
                if (before < half) {
                    after = room - before;
                } else if (after < half) {
                    before = room - after;
                } else {
                    // Neither side gets more than it has: with an odd room, the side given the odd character
                    // must have it (found by fuzzing: the window ran one past the end of the text).
                    after = Math.min(after, room - half);
                    before = room - after;
                }
            }
            from = start - before;
            to = end + after;
        }
        if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space >= 0 && space < start ? space + 1 : Math.min(from, start);
        }
        if (to < n && text.charAt(to) != ' ') {
            int space = text.lastIndexOf(' ', to);
            to = space > end ? space : to;
        }
        if (to < n && Character.isLowSurrogate(text.charAt(to))) {
            to--;
        }
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
            from++;
        }
        String window = text.substring(from, Math.max(from, to)).strip();
        if (window.isEmpty()) {
            return "";
        }
        boolean cutStart = from > 0 || collector.cutBefore();
        boolean cutEnd = to < n;
        return (cutStart ? CUT + " " : "") + window + (cutEnd ? " " + CUT : "");
    }

    private static int clamp(int value, int min, int max) {
        return value < min ? min : Math.min(value, max);
    }

    private static @Nullable Element blockOf(Element link) {
        if (link.normalName().equals("link")) {
            return null;
        }
        @Nullable Element el = link.parent();
        while (el != null && el.tag().isInline()) {
            el = el.parent();
        }
        if (el == null || el.normalName().equals("head") || el.normalName().equals("html")) {
            return null;
        }
        return el;
    }
}
