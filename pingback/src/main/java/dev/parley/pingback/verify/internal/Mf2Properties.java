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
                takeProperty(el, classes.substring(start, i));
            }
        }
    }

    private void takeProperty(Element el, String property) {
        switch (property) {
            case "p-name" -> name = name == null ? el : name;
            case "e-content" -> content = content == null ? el : content;
            case "p-author", "u-author" -> author = author == null ? el : author;
            case "dt-published" -> published = published == null ? el : published;
            case "u-url" -> url = url == null ? el : url;
            case "u-photo" -> photo = photo == null ? el : photo;
            default -> {
                // Other properties are not extracted.
            }
        }
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
