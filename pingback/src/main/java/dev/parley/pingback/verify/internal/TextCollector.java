package dev.parley.pingback.verify.internal;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Collects the cleaned text of a subtree, optionally noting where one marked element's text starts and ends
 * in it (for the excerpt around a link). Walks without recursion, so a hostile nesting depth cannot overflow
 * the stack; with a marker, only the last {@link #KEEP_BEFORE} characters before it are kept, and without one
 * the walk stops at the cap, so a huge block costs one walk and bounded memory. Not thread-safe; one instance per walk.
 */
final class TextCollector {

    /** How much text before the marker survives compaction; more than any excerpt window needs. */
    static final int KEEP_BEFORE = 1024;

    private final StringBuilder sb = new StringBuilder(256);
    private final int capAfterMarker;
    private final @Nullable Element marker;
    private int markStart = -1;
    private int markEnd = -1;
    private boolean cutBefore;
    private int cap;

    /**
     * Creates a collector.
     *
     * @param capAfterMarker stop this many characters after the marker's end (or after the start, without a
     *     marker)
     * @param marker the element whose span to note, or null
     */
    TextCollector(int capAfterMarker, @Nullable Element marker) {
        this.capAfterMarker = capAfterMarker;
        this.marker = marker;
        this.cap = marker == null ? capAfterMarker : Integer.MAX_VALUE;
    }

    void walk(Element root) {
        Node node = root.firstChild();
        while (node != null && sb.length() < cap) {
            if (node instanceof TextNode text) {
                PlainText.append(sb, text.getWholeText(), cap);
                // Without a marker the text is wanted from its start (and capped), so nothing is dropped.
                if (marker != null && markStart < 0 && sb.length() > 4 * KEEP_BEFORE) {
                    compact();
                }
            } else if (node instanceof Element el && !PlainText.isSkipped(el)) {
                enter(el);
                Node child = el.firstChild();
                if (child != null) {
                    node = child;
                    continue;
                }
                leave(el);
            }
            node = advance(node, root);
        }
        if (markStart >= 0 && markEnd < 0) {
            markEnd = sb.length();
        }
    }

    private @Nullable Node advance(Node from, Element root) {
        Node node = from;
        while (true) {
            Node sibling = node.nextSibling();
            if (sibling != null) {
                return sibling;
            }
            Node parent = node.parentNode();
            if (parent == null || parent == root) {
                return null;
            }
            leave((Element) parent);
            node = parent;
        }
    }

    private void enter(Element el) {
        if (PlainText.isBlockBoundary(el)) {
            space();
        }
        if (el == marker) {
            markStart = sb.length();
        }
    }

    private void leave(Element el) {
        if (el == marker) {
            int end = sb.length();
            while (end > markStart && sb.charAt(end - 1) == ' ') {
                end--;
            }
            markEnd = end;
            cap = end + capAfterMarker;
        }
        if (PlainText.isBlockBoundary(el)) {
            space();
        }
    }

    private void space() {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
            sb.append(' ');
        }
    }

    private void compact() {
        sb.delete(0, sb.length() - KEEP_BEFORE);
        if (Character.isLowSurrogate(sb.charAt(0))) {
            sb.deleteCharAt(0);
        }
        cutBefore = true;
    }

    /** Returns the text collected, trailing space removed. */
    String text() {
        return PlainText.trimEnd(sb);
    }

    /** Returns where the marker's text starts in {@link #text()}, or -1 if the marker was not met. */
    int markStart() {
        return markStart;
    }

    /** Returns where the marker's text ends in {@link #text()}, or -1 if the marker was not met. */
    int markEnd() {
        return markEnd;
    }

    /** Returns whether text before the kept part was dropped. */
    boolean cutBefore() {
        return cutBefore;
    }
}
