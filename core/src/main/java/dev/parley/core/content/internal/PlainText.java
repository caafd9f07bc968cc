package dev.parley.core.content.internal;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Builds the tree for plain-text input: blank lines (lines holding only whitespace) separate paragraphs,
 * other newlines become {@code <br>}, and every line is stripped of surrounding whitespace. The text goes into
 * text nodes, never through a parser, so nothing in it can be markup. Stateless and thread-safe.
 */
final class PlainText {

    private PlainText() {
    }

    /**
     * Appends paragraphs for {@code text} to {@code body}.
     *
     * @param text input with {@code \n} line ends only
     * @param body the container to fill
     */
    static void build(String text, Element body) {
        @Nullable Element paragraph = null;
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? length : newline;
            String line = text.substring(start, end).strip();
            if (line.isEmpty()) {
                paragraph = null;
            } else {
                if (paragraph == null) {
                    paragraph = Texts.paragraph();
                    body.appendChild(paragraph);
                } else {
                    paragraph.appendChild(Texts.lineBreak());
                }
                paragraph.appendChild(new TextNode(line));
            }
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
    }
}
