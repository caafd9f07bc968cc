package dev.parley.core.content.internal;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Line breaks in HTML input, in the manner of WordPress's {@code wpautop} but on the parsed tree rather than
 * with regular expressions over markup: in the body and in a {@code blockquote}, text and inline elements
 * between blocks become paragraphs, split at blank lines; elsewhere (inside {@code p}, {@code li} and inline
 * elements) a run of whitespace holding a newline becomes one {@code <br>}, except at the edge of a block or
 * next to an existing {@code <br>}, where it is dropped. {@code pre} is left alone. Whitespace-only text
 * between list items goes.
 *
 * <p>This pass makes the paragraphs; the {@code <br>}s are written by {@link SafeHtmlWriter} as it writes
 * the text (no nodes are built for them), using the edge rule stated here. Either way no newline is left
 * outside {@code pre}, so a second rendering finds nothing to do: the reason rendering is idempotent. Runs on a normalized tree (bounded depth, so recursion is safe). Stateless
 * and thread-safe.
 */
final class Paragraphs {

    private Paragraphs() {
    }

    /**
     * Applies paragraphs and line breaks below {@code body}.
     *
     * @param body a normalized container treated like a document body
     */
    static void apply(Element body) {
        flow(body);
    }

    /** A container of blocks: its loose text and inline elements are grouped into paragraphs. */
    private static void flow(Element container) {
        Texts.mergeAdjacent(container);
        List<Node> children = new ArrayList<>(container.childNodes());
        // Detach everything and attach the result once: jsoup re-indexes siblings on every single removal.
        container.empty();
        List<Node> result = new ArrayList<>(children.size());
        List<Node> run = new ArrayList<>();
        for (Node child : children) {
            if (child instanceof Element element && holdsBlock(element)) {
                wrap(run, result);
                run.clear();
                block(element);
                result.add(element);
            } else {
                run.add(child);
            }
        }
        wrap(run, result);
        container.appendChildren(result);
    }

    static boolean holdsBlock(Element element) {
        if (ContentPolicy.isBlock(element.normalName())) {
            return true;
        }
        // By node index: jsoup's element-children list is built with a stream on every change.
        for (int i = 0, count = element.childNodeSize(); i < count; i++) {
            if (element.childNode(i) instanceof Element child && holdsBlock(child)) {
                return true;
            }
        }
        return false;
    }

    private static void block(Element element) {
        switch (element.normalName()) {
            case "pre" -> {
            }
            case "blockquote" -> flow(element);
            case "ul", "ol" -> {
                for (Node child : new ArrayList<>(element.childNodes())) {
                    if (child instanceof TextNode text && text.isBlank()) {
                        text.remove();
                    }
                }
                lines(element);
            }
            default -> lines(element);
        }
    }

    /** Splits a run of detached inline nodes into paragraphs at blank lines, and adds them to {@code result}. */
    private static void wrap(List<Node> run, List<Node> result) {
        if (run.isEmpty() || onlySpace(run)) {
            return;
        }
        List<List<Node>> paragraphs = new ArrayList<>();
        List<Node> current = new ArrayList<>();
        for (Node node : run) {
            if (node instanceof TextNode text) {
                String value = text.getWholeText();
                int start = 0;
                int blank = blankLine(value, 0);
                if (blank < 0) {
                    current.add(text);
                    continue;
                }
                while (blank >= 0) {
                    addText(current, value.substring(start, blank));
                    paragraphs.add(current);
                    current = new ArrayList<>();
                    start = endOfSpace(value, blank);
                    blank = blankLine(value, start);
                }
                addText(current, value.substring(start));
            } else {
                current.add(node);
            }
        }
        paragraphs.add(current);
        for (List<Node> nodes : paragraphs) {
            trim(nodes);
            if (!nodes.isEmpty()) {
                Element p = Texts.paragraph();
                p.appendChildren(nodes);
                lines(p);
                result.add(p);
            }
        }
    }

    private static boolean onlySpace(List<Node> run) {
        for (Node node : run) {
            if (!(node instanceof TextNode text) || !text.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void addText(List<Node> nodes, String text) {
        if (!text.isEmpty()) {
            nodes.add(new TextNode(text));
        }
    }

    /** Drops whitespace and line breaks at the ends of a would-be paragraph: they would only pad it. */
    private static void trim(List<Node> nodes) {
        while (!nodes.isEmpty()) {
            Node first = nodes.get(0);
            if (first instanceof TextNode text) {
                String whole = text.getWholeText();
                String kept = stripLeading(whole);
                if (!kept.isEmpty()) {
                    if (kept.length() != whole.length()) {
                        nodes.set(0, new TextNode(kept));
                    }
                    break;
                }
            } else if (!isBreak(first)) {
                break;
            }
            nodes.remove(0);
        }
        while (!nodes.isEmpty()) {
            Node last = nodes.get(nodes.size() - 1);
            if (last instanceof TextNode text) {
                String whole = text.getWholeText();
                String kept = stripTrailing(whole);
                if (!kept.isEmpty()) {
                    if (kept.length() != whole.length()) {
                        nodes.set(nodes.size() - 1, new TextNode(kept));
                    }
                    break;
                }
            } else if (!isBreak(last)) {
                break;
            }
            nodes.remove(nodes.size() - 1);
        }
    }

    private static boolean isBreak(Node node) {
        return node instanceof Element element && "br".equals(element.normalName());
    }

    /**
     * Visits the blocks nested inside a block or inline element. The line breaks in its text are not made
     * here but by the writer, which applies {@link #startsAtEdge} and {@link #endsAtEdge} as it writes.
     */
    private static void lines(Element element) {
        for (int i = 0, count = element.childNodeSize(); i < count; i++) {
            if (element.childNode(i) instanceof Element inner) {
                if (ContentPolicy.isBlock(inner.normalName())) {
                    block(inner);
                } else {
                    lines(inner);
                }
            }
        }
    }

    /**
     * Whether a newline run at the start of a text that begins with {@code first} is dropped rather than
     * written as {@code <br>}: it follows a line break or a block, or opens a block.
     *
     * @param first the text node the text starts with
     * @return true if the run is at an edge
     */
    static boolean startsAtEdge(Node first) {
        Node previous = first.previousSibling();
        return previous == null ? isBlockParent(first) : isBreakOrBlock(previous);
    }

    /**
     * Whether a newline run at the end of a text that ends with {@code last} is dropped rather than written
     * as {@code <br>}: a line break or a block follows it, or it closes a block.
     *
     * @param last the text node the text ends with
     * @return true if the run is at an edge
     */
    static boolean endsAtEdge(Node last) {
        Node next = last.nextSibling();
        return next == null ? isBlockParent(last) : isBreakOrBlock(next);
    }

    private static boolean isBlockParent(Node node) {
        return node.parentNode() instanceof Element parent && ContentPolicy.isBlock(parent.normalName());
    }

    private static boolean isBreakOrBlock(Node node) {
        return node instanceof Element element
                && ("br".equals(element.normalName()) || holdsBlock(element));
    }

    /** Index of the whitespace run at or after {@code from} that holds two newlines, or -1. */
    private static int blankLine(String text, int from) {
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

    static int endOfSpace(String text, int from) {
        int i = from;
        while (i < text.length() && Texts.isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String stripLeading(String text) {
        return text.substring(endOfSpace(text, 0));
    }

    private static String stripTrailing(String text) {
        int end = text.length();
        while (end > 0 && Texts.isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
