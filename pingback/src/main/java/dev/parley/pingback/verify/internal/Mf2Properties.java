package dev.parley.pingback.verify.internal;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jspecify.annotations.Nullable;

/**
 * The few microformats2 properties of one root ({@code h-entry} or {@code h-card}) that extraction reads:
 * the first element carrying each. Properties of nested roots belong to them, so the scan does not descend
 * into a nested root (the nested root's own property classes, as in {@code class="p-author h-card"}, do
 * belong to this root). Not thread-safe; built and read by one analysis.
 */
final class Mf2Properties {

    @Nullable Element name;
    @Nullable Element content;
    @Nullable Element summary;
    @Nullable Element author;
    @Nullable Element published;
    @Nullable Element url;
    @Nullable Element photo;

    Mf2Properties() {
    }

    /** Scans a root's subtree once, without recursion, for a root the page scan did not record. */
    static Mf2Properties of(Element root) {
        Mf2Properties props = new Mf2Properties();
        Node node = root.firstChild();
        while (node != null) {
            boolean descend = false;
            if (node instanceof Element el && !el.normalName().equals("template")) {
                String classes = PageScan.classes(el);
                if (classes.indexOf('-') >= 0) {
                    props.take(el, classes);
                    descend = !ClassTokens.hasRoot(classes);
                } else {
                    descend = true;
                }
            }
            Node child = descend ? node.firstChild() : null;
            node = child != null ? child : next(node, root);
        }
        return props;
    }

    /**
     * Records the element under each property class it carries that is not yet taken. One pass over the
     * class names: this runs for every element with a hyphenated class inside an h-entry or h-card.
     */
    void take(Element el, String classes) {
        int n = classes.length();
        int i = 0;
        while (i < n) {
            while (i < n && classes.charAt(i) <= ' ') {
                i++;
            }
            int start = i;
            while (i < n && classes.charAt(i) > ' ') {
                i++;
            }
            if (i - start > 2 && classes.charAt(start + 1) == '-' || i - start > 3 && classes.charAt(start + 2) == '-') {
                takeProperty(el, classes, start, i - start);
            }
        }
    }

    private void takeProperty(Element el, String classes, int start, int length) {
        if (name == null && is(classes, start, length, "p-name")) {
            name = el;
        } else if (content == null && is(classes, start, length, "e-content")) {
            content = el;
        } else if (summary == null && is(classes, start, length, "p-summary")) {
            summary = el;
        } else if (author == null && (is(classes, start, length, "p-author") || is(classes, start, length, "u-author"))) {
            author = el;
        } else if (published == null && is(classes, start, length, "dt-published")) {
            published = el;
        } else if (url == null && is(classes, start, length, "u-url")) {
            url = el;
        } else if (photo == null && is(classes, start, length, "u-photo")) {
            photo = el;
        }
    }

    private static boolean is(String classes, int start, int length, String property) {
        return length == property.length() && classes.startsWith(property, start);
    }


    /** The next node in document order after the subtree of {@code node}, staying inside {@code root}. */
    static @Nullable Node next(Node node, Node root) {
        Node current = node;
        while (current != root) {
            Node sibling = current.nextSibling();
            if (sibling != null) {
                return sibling;
            }
            current = current.parentNode();
            if (current == null) {
                return null;
            }
        }
        return null;
    }
}
