package dev.parley.core.content.internal;

import java.util.Arrays;

/**
 * A growable character buffer for the writer, with HTML escaping built in.
 *
 * <p>Text is copied in bulk ({@link String#getChars}) and escaped in place only when it holds a character
 * that needs it: most comment text does not, and a per-character {@code StringBuilder.append} was the
 * writer's largest cost. Escaping: {@code &}, {@code <}, {@code >} and no-break space become entities, and
 * {@code "} too inside attributes; C0 controls other than tab and newline, DEL and the noncharacters U+FFFE
 * and U+FFFF are dropped. Not thread-safe: one per write.
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

    /** Appends {@code text[from, to)} escaped, without copying it out first. */
    HtmlOutput escaped(String text, int from, int to, boolean attribute) {
        int count = to - from;
        ensure(count);
        text.getChars(from, to, chars, length);
        int end = length + count;
        for (int i = length; i < end; i++) {
            if (special(chars[i])) {
                // Rare: move the rest aside and write it again with replacements.
                char[] rest = Arrays.copyOfRange(chars, i, end);
                length = i;
                int run = 0;
                for (int j = 0; j < rest.length; j++) {
                    char c = rest[j];
                    if (!special(c)) {
                        continue;
                    }
                    append(rest, run, j);
                    run = j + 1;
                    switch (c) {
                        case '&' -> append("&amp;");
                        case '<' -> append("&lt;");
                        case '>' -> append("&gt;");
                        case '\u00a0' -> append("&nbsp;");
                        case '"' -> append(attribute ? "&quot;" : "\"");
                        case '\t', '\n' -> append(c);
                        default -> {
                            if (c >= 0x80 && c < 0xa0) {
                                append(c);
                            }
                        }
                    }
                }
                append(rest, run, rest.length);
                return this;
            }
        }
        length = end;
        return this;
    }

    private void append(char[] source, int from, int to) {
        int count = to - from;
        ensure(count);
        System.arraycopy(source, from, chars, length, count);
        length += count;
    }

    private static boolean special(char c) {
        return c < SPECIAL.length ? SPECIAL[c] : c >= '\ufffe';
    }

    // A table for the low range: one load per character instead of a chain of comparisons.
    private static final boolean[] SPECIAL = new boolean[0xa1];

    static {
        for (char c = 0; c < SPECIAL.length; c++) {
            SPECIAL[c] = c < ' ' || c == '&' || c == '<' || c == '>' || c == '"' || c >= 0x7f;
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
