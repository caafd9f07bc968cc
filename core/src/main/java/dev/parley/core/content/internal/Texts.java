package dev.parley.core.content.internal;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/** Small tree edits on text nodes shared by the passes. Stateless and thread-safe. */
final class Texts {

    private Texts() {
    }

    /**
     * Joins adjacent text nodes among the children of {@code element}. Unwrapping leaves text split where an
     * element used to be; a URL or a blank line across that seam must still be seen as one.
     */
    static void mergeAdjacent(Element element) {
        if (!hasAdjacentText(element.childNodes())) {
            return;
        }
        @Nullable TextNode previous = null;
        @Nullable StringBuilder joined = null;
        for (Node child : new ArrayList<>(element.childNodes())) {
            if (child instanceof TextNode text) {
                if (previous == null) {
                    previous = text;
                } else {
                    if (joined == null) {
                        joined = new StringBuilder(previous.getWholeText());
                    }
                    joined.append(text.getWholeText());
                    text.remove();
                }
            } else {
                flush(previous, joined);
                previous = null;
                joined = null;
            }
        }
        flush(previous, joined);
    }

    private static boolean hasAdjacentText(List<Node> children) {
        boolean previousIsText = false;
        for (Node child : children) {
            boolean isText = child instanceof TextNode;
            if (isText && previousIsText) {
                return true;
            }
            previousIsText = isText;
        }
        return false;
    }

    private static void flush(@Nullable TextNode previous, @Nullable StringBuilder joined) {
        if (previous != null && joined != null) {
            previous.text(joined.toString());
        }
    }

    /** Puts {@code replacement} where {@code node} is, and removes {@code node}. */
    static void replace(Node node, List<Node> replacement) {
        for (Node added : replacement) {
            node.before(added);
        }
        node.remove();
    }

    /** Whether {@code c} is HTML whitespace (space, tab, line feed, form feed, carriage return). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
