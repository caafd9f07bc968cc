package dev.parley.core.content.internal;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.jspecify.annotations.Nullable;

/** Small tree edits shared by the passes. Stateless and thread-safe. */
final class Texts {

    // Looked up once: Tag.valueOf consults a fresh copy of jsoup's tag set on every call, which made creating
    // an element cost more than parsing one. Tags are never changed after lookup, so sharing them is safe.
    private static final Tag P = Tag.valueOf("p");
    private static final Tag BR = Tag.valueOf("br");
    private static final Tag BODY = Tag.valueOf("body");

    private Texts() {
    }

    /**
     * Joins adjacent text nodes among the children of {@code element}. Unwrapping leaves text split where an
     * element used to be; a URL or a blank line across that seam must still be seen as one.
     */
    static void mergeAdjacent(Element element) {
        if (!hasAdjacentText(element)) {
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

    private static boolean hasAdjacentText(Element element) {
        // By index: this runs on every element of every pass, and an iterator over childNodes() is a wrapper.
        boolean previousIsText = false;
        for (int i = 0, count = element.childNodeSize(); i < count; i++) {
            boolean isText = element.childNode(i) instanceof TextNode;
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

    /** Returns a new, empty {@code p}. */
    static Element paragraph() {
        return new Element(P, "");
    }

    /** Returns a new {@code br}. */
    static Element lineBreak() {
        return new Element(BR, "");
    }

    /** Returns a new, empty {@code body}, detached from any document. */
    static Element body() {
        return new Element(BODY, "");
    }

    /** Whether {@code c} is HTML whitespace (space, tab, line feed, form feed, carriage return). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
