package dev.parley.core.content.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A growable character buffer for the writer, with HTML escaping built in.
 *
 * <p>Text is copied in bulk ({@link String#getChars}) and the copy scanned; only text holding a character
 * that needs escaping is written again, in runs between the replacements. A per-character
 * {@code StringBuilder.append} was once the writer's largest cost. Escaping: {@code &}, {@code <}, {@code >}
 * and no-break space become entities, and {@code "} too inside attributes; C0 controls other than tab and
 * newline, DEL and the noncharacters U+FFFE and U+FFFF are dropped.
 *
 * <p>A buffer made by {@link #reusing(int)} starts from one its thread used before, if there is one and it
 * is large enough: a render then allocates only the string it returns, not a zeroed buffer as well, which
 * was a tenth of the writer's time. Each thread keeps at most one buffer of at most {@value #KEPT_MAX}
 * chars, given back by {@link #release()}; a buffer in use is never handed out twice. Not thread-safe: one
 * per write.
 */
final class HtmlOutput {

    /** The largest buffer, in chars, a thread keeps for its next write: enough for most comments. */
    static final int KEPT_MAX = 8_192;

    /** Each thread's spare buffer, or null while it is in use or before the first write. */
    private static final ThreadLocal<char @Nullable []> SPARE = new ThreadLocal<>();

    /** What a released output holds, so that a use after release cannot write into the spare it gave back. */
    private static final char[] RELEASED = new char[0];

    private char[] chars;
    private int length;

    HtmlOutput(int capacity) {
        chars = new char[Math.max(capacity, 16)];
    }

    private HtmlOutput(char[] chars) {
        this.chars = chars;
    }

    /**
     * Returns a buffer for a write, starting from this thread's spare one when it has one large enough.
     *
     * @param capacity the expected length of the output
     * @return a buffer to {@link #release()} once its content has been read
     */
    static HtmlOutput reusing(int capacity) {
        char @Nullable [] spare = SPARE.get();
        if (spare != null && spare.length >= capacity) {
            SPARE.remove();
            return new HtmlOutput(spare);
        }
        return new HtmlOutput(capacity);
    }

    /** Keeps this buffer as the thread's spare if it is small enough; it must not be used afterwards. */
    void release() {
        if (chars.length <= KEPT_MAX) {
            SPARE.set(chars);
        }
        chars = RELEASED;
        length = 0;
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
     * Appends {@code text[from, to)} escaped. The text is copied in bulk first and the copy scanned, which is
     * all the work when nothing in it needs escaping; from the first character that does, the rest is
     * written again from the string, in runs between the characters to replace.
     */
    HtmlOutput escaped(String text, int from, int to, boolean attribute) {
        boolean[] special = attribute ? SPECIAL_IN_ATTRIBUTE : SPECIAL_IN_TEXT;
        int count = to - from;
        ensure(count);
        text.getChars(from, to, chars, length);
        char[] buffer = chars;
        int start = length;
        int end = start + count;
        for (int i = start; i < end; i++) {
            char c = buffer[i];
            if (special[c]) {
                length = i;
                return escapedFrom(text, from + (i - start), to, special);
            }
        }
        length = end;
        return this;
    }

    private HtmlOutput escapedFrom(String text, int from, int to, boolean[] special) {
        int run = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (special[c]) {
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

    // One entry per char value: a single load per character, no range checks. Only the low range and the two
    // noncharacters are set. C1 controls (0x80 to 0x9f) pass through unchanged; a quote needs escaping only
    // inside an attribute value.
    private static final boolean[] SPECIAL_IN_TEXT = new boolean[Character.MAX_VALUE + 1];
    private static final boolean[] SPECIAL_IN_ATTRIBUTE = new boolean[Character.MAX_VALUE + 1];

    static {
        for (char c = 0; c <= '\u00a0'; c++) {
            boolean special = c < ' ' && c != '\t' && c != '\n' || c == '&' || c == '<' || c == '>' || c == 0x7f
                    || c == '\u00a0';
            SPECIAL_IN_TEXT[c] = special;
            SPECIAL_IN_ATTRIBUTE[c] = special || c == '"';
        }
        for (char c : new char[] {'\ufffe', '\uffff'}) {
            SPECIAL_IN_TEXT[c] = true;
            SPECIAL_IN_ATTRIBUTE[c] = true;
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
