package dev.parley.core.content.internal;

import java.util.Arrays;

/**
 * A growable character buffer for the writer, with HTML escaping built in.
 *
 * <p>Text is read in place and copied in bulk ({@link String#getChars}) between the characters that need
 * escaping: most comment text has few, and a per-character {@code StringBuilder.append} was the writer's
 * largest cost. Escaping: {@code &}, {@code <}, {@code >} and no-break space become entities, and {@code "}
 * too inside attributes; C0 controls other than tab and newline, DEL and the noncharacters U+FFFE and U+FFFF
 * are dropped. Not thread-safe: one per write.
 */
final class HtmlOutput {

    private char[] chars;
    private int length;

    HtmlOutput(int capacity) {
        chars = new char[Math.max(capacity, 16)];
    }

    HtmlOutput append(String markup) {
        int count = markup.length();
        ensure(count);
        markup.getChars(0, count, chars, length);
        length += count;
        return this;
    }

    HtmlOutput append(char c) {
        ensure(1);
        chars[length++] = c;
        return this;
    }

    /** Appends text escaped for a text node, or for a double-quoted attribute value. */
    HtmlOutput escaped(String text, boolean attribute) {
        return escaped(text, 0, text.length(), attribute);
    }

    /**
     * Appends {@code text[from, to)} escaped. The text is read in place and copied in runs between the
     * characters that need escaping, so text without any costs one scan and one bulk copy.
     */
    HtmlOutput escaped(String text, int from, int to, boolean attribute) {
        boolean[] special = attribute ? SPECIAL_IN_ATTRIBUTE : SPECIAL_IN_TEXT;
        int run = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < special.length ? special[c] : c >= '\ufffe') {
                append(text, run, i);
                run = i + 1;
                switch (c) {
                    case '&' -> append("&amp;");
                    case '<' -> append("&lt;");
                    case '>' -> append("&gt;");
                    case '\u00a0' -> append("&nbsp;");
                    case '"' -> append("&quot;");
                    default -> {
                        // C0 controls other than tab and newline, DEL and the two noncharacters: dropped.
                    }
                }
            }
        }
        return append(text, run, to);
    }

    private HtmlOutput append(String text, int from, int to) {
        int count = to - from;
        ensure(count);
        text.getChars(from, to, chars, length);
        length += count;
        return this;
    }

    // Tables for the low range: one load per character instead of a chain of comparisons. C1 controls
    // (0x80 to 0x9f) pass through unchanged; a quote needs escaping only inside an attribute value.
    private static final boolean[] SPECIAL_IN_TEXT = new boolean[0xa1];
    private static final boolean[] SPECIAL_IN_ATTRIBUTE = new boolean[0xa1];

    static {
        for (char c = 0; c < SPECIAL_IN_TEXT.length; c++) {
            boolean special = c < ' ' && c != '\t' && c != '\n' || c == '&' || c == '<' || c == '>' || c == 0x7f
                    || c == '\u00a0';
            SPECIAL_IN_TEXT[c] = special;
            SPECIAL_IN_ATTRIBUTE[c] = special || c == '"';
        }
    }

    private void ensure(int more) {
        if (length + more > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
        }
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
