package dev.parley.pingback.verify.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Turns page content into the plain text every extracted value is made of: text nodes only (never
 * comments, scripts, styles or templates), whitespace collapsed to single spaces, and no character that could
 * start markup or mislead a reader:
 *
 * <ul>
 *   <li>{@code <} becomes {@code ‹} (U+2039) and {@code >} becomes {@code ›} (U+203A), so the text keeps its
 *       shape but can never form a tag, whatever a host later does with it;</li>
 *   <li>control characters count as whitespace; bidirectional overrides and isolates, the byte-order mark and
 *       unpaired surrogates are dropped.</li>
 * </ul>
 *
 * <p>Entities are already decoded by the HTML parser; {@link #ofMarkup(String, int)} runs it on a value that
 * arrived outside a page (a TrackBack field), so every stored text meets one contract. Stateless and
 * thread-safe.
 */
public final class PlainText {

    private static final char ELLIPSIS = '\u2026';

    private PlainText() {
    }

    /**
     * Returns the cleaned text of an element and its descendants, block boundaries read as spaces.
     *
     * @param element the element
     * @param max the longest result wanted; the text is cut at a word boundary with {@code …} when longer
     * @return the text, possibly empty
     */
    public static String of(Element element, int max) {
        TextCollector collector = new TextCollector(max * 2 + 16, null);
        collector.walk(element);
        return truncate(collector.text(), max);
    }

    /**
     * Returns the cleaned text of a value that may hold markup, such as a TrackBack field: it is read as an
     * HTML fragment (entities decoded once, tags removed, the contents of scripts and styles dropped), then
     * cleaned like page text. The input is read no further than {@code 8 * max + 4096} characters, so a huge
     * value costs no more than a bounded one.
     *
     * @param markup the value, with form or transport encoding already undone
     * @param max the longest result wanted; the text is cut at a word boundary with {@code …} when longer
     * @return the text, possibly empty
     */
    public static String ofMarkup(String markup, int max) {
        long bound = 8L * max + 4096;
        String bounded = markup.length() > bound ? markup.substring(0, (int) bound) : markup;
        return of(Jsoup.parseBodyFragment(bounded).body(), max);
    }

    /**
     * Cleans a string: collapses whitespace, replaces angle brackets, drops invisible controls and trims.
     *
     * @param raw text with entities decoded
     * @param max the longest result wanted; the text is cut at a word boundary with {@code …} when longer
     * @return the cleaned text, possibly empty
     */
    public static String clean(String raw, int max) {
        StringBuilder sb = new StringBuilder(Math.min(raw.length(), max * 2 + 16));
        append(sb, raw, max * 2 + 16);
        return truncate(trimEnd(sb), max);
    }

    /**
     * Appends cleaned text to a builder that holds cleaned text, collapsing whitespace across the seam.
     *
     * @param sb the builder; it never ends with a space it did not need
     * @param raw the text to append
     * @param cap stop appending once the builder holds this many characters
     */
    static void append(StringBuilder sb, String raw, int cap) {
        for (int i = 0; i < raw.length() && sb.length() < cap; i++) {
            char c = raw.charAt(i);
            if (c <= ' ' || (c >= 0x7f && c <= 0x9f) || c == '\u00a0' || Character.isWhitespace(c)) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
            } else if (c == '<') {
                sb.append('\u2039');
            } else if (c == '>') {
                sb.append('\u203a');
            } else if ((c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\ufeff') {
                continue;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                    sb.append(c).append(raw.charAt(++i));
                }
            } else if (!Character.isLowSurrogate(c)) {
                sb.append(c);
            }
        }
    }

    static String trimEnd(StringBuilder sb) {
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }

    /**
     * Cuts cleaned text to at most {@code max} characters, at the last space in the final fifth if there is
     * one, never inside a surrogate pair, and ends it with {@code …}.
     *
     * @param text cleaned text
     * @param max the longest result, at least 1
     * @return the text itself when short enough
     */
    public static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        int space = text.lastIndexOf(' ', cut);
        if (space > max - max / 5) {
            cut = space;
        }
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    static boolean isSkipped(Element element) {
        String name = element.normalName();
        return name.equals("script") || name.equals("style") || name.equals("template");
    }

    static boolean isBlockBoundary(Element element) {
        return !element.tag().isInline() || element.normalName().equals("br");
    }
}
