package dev.parley.core.content.internal;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jspecify.annotations.Nullable;

/**
 * The rules for paragraphs and line breaks in HTML input, in the manner of WordPress's {@code wpautop} but
 * decided on the parsed tree rather than with regular expressions over markup. {@link SafeHtmlWriter} applies
 * them as it writes, without changing the tree:
 *
 * <ul>
 *   <li>In the body and in a {@code blockquote} (outside {@code pre}), text and inline elements between
 *       blocks (elements that {@linkplain #holdsBlock hold a block}) become paragraphs, split at
 *       {@linkplain #blankLine blank lines}; whitespace and {@code <br>}s at either end of a paragraph are
 *       dropped, and so is a paragraph left empty.</li>
 *   <li>Elsewhere outside {@code pre} (inside {@code p}, {@code li} and inline elements), a run of whitespace
 *       holding a newline becomes one {@code <br>}, except at the edge of a block or next to a break
 *       ({@link #atEdge}), where it is dropped.</li>
 *   <li>Whitespace-only text directly inside a list is dropped.</li>
 * </ul>
 *
 * <p>No newline is left outside {@code pre}, so a second rendering finds nothing to do: the reason rendering
 * is idempotent. Stateless and thread-safe.
 */
final class Paragraphs {

    private Paragraphs() {
    }

    /**
     * Whether an element is a block or contains one, at any depth: such an element is never put inside a
     * paragraph. Iterative: a strict write asks it of trees the normalizer has not seen, as deep as jsoup's
     * parser nests (512 levels).
     *
     * @param element the element
     * @param steps counts the nodes looked at
     * @return true if it or a descendant is a block
     */
    static boolean holdsBlock(Element element, Steps steps) {
        Node node = element;
        int depth = 0;
        while (true) {
            steps.add(1);
            if (node instanceof Element current && ContentPolicy.isBlock(current.normalName())) {
                return true;
            }
            // By node index: jsoup's element-children list is built with a stream on every change.
            if (node.childNodeSize() > 0) {
                node = node.childNode(0);
                depth++;
                continue;
            }
            while (depth > 0 && node.nextSibling() == null) {
                node = node.parentNode();
                depth--;
            }
            if (depth == 0) {
                return false;
            }
            node = node.nextSibling();
        }
    }

    /**
     * Whether a newline run next to {@code neighbour} is dropped rather than written as {@code <br>}: the
     * neighbour is a line break or holds a block, or there is none and the run is at the edge of a block.
     *
     * @param neighbour the node before or after the text holding the run, or null at an edge of its parent
     * @param parent the element holding the text, or null for a paragraph the writer opened
     * @param steps counts the nodes looked at
     * @return true if the run is at an edge
     */
    static boolean atEdge(@Nullable Node neighbour, @Nullable Element parent, Steps steps) {
        if (neighbour == null) {
            return parent == null || ContentPolicy.isBlock(parent.normalName());
        }
        return neighbour instanceof Element element
                && ("br".equals(element.normalName()) || holdsBlock(element, steps));
    }

    /** Index of the whitespace run at or after {@code from} that holds two newlines, or -1. */
    static int blankLine(String text, int from) {
        int newline = text.indexOf('\n', from);
        while (newline >= 0) {
            int start = newline;
            while (start > from && Texts.isSpace(text.charAt(start - 1))) {
                start--;
            }
            int end = endOfSpace(text, newline);
            if (holdsNewline(text, newline + 1, end)) {
                return start;
            }
            newline = text.indexOf('\n', end);
        }
        return -1;
    }

    private static boolean holdsNewline(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Index of the first non-whitespace character at or after {@code from}, or the text's length. */
    static int endOfSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Texts.isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
