package dev.parley.core.content.internal;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns bare URLs in text nodes into links, outside {@code a}, {@code pre} and {@code code} (a URL in code is
 * code). Runs on a normalized tree, whose allowed elements nest at most {@link ContentPolicy#MAX_NESTING}
 * deep, so recursion is bounded. The links it adds are checked by the writer like any other. Stateless and
 * thread-safe.
 */
final class Autolinker {

    private Autolinker() {
    }

    /**
     * Links bare URLs below {@code element}.
     *
     * @param element the container
     */
    static void link(Element element) {
        Texts.mergeAdjacent(element);
        for (int i = 0; i < element.childNodeSize(); i++) {
            Node child = element.childNode(i);
            if (child instanceof TextNode text) {
                i += linkText(text) - 1;
            } else if (child instanceof Element inner && !skips(inner.normalName())) {
                link(inner);
            }
        }
    }

    private static boolean skips(String tag) {
        return "a".equals(tag) || "pre".equals(tag) || "code".equals(tag);
    }

    /** Links the URLs in a text node; returns how many nodes now stand where it stood. */
    private static int linkText(TextNode node) {
        String text = node.getWholeText();
        BareUrls.Match match = BareUrls.next(text, 0);
        if (match == null) {
            return 1;
        }
        List<Node> replacement = new ArrayList<>();
        int done = 0;
        while (match != null) {
            if (match.start() > done) {
                replacement.add(new TextNode(text.substring(done, match.start())));
            }
            Element anchor = Texts.link(match.href());
            anchor.appendChild(new TextNode(text.substring(match.start(), match.end())));
            replacement.add(anchor);
            done = match.end();
            match = BareUrls.next(text, done);
        }
        if (done < text.length()) {
            replacement.add(new TextNode(text.substring(done)));
        }
        Texts.replace(node, replacement);
        return replacement.size();
    }
}
