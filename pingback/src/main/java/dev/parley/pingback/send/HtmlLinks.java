package dev.parley.pingback.send;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * Walks the live elements of a parsed page in document order: every element except the inert content of
 * {@code <template>}. Comments and the raw text of {@code script}, {@code style}, {@code textarea} and
 * {@code title} hold no elements once parsed, so markup inside them never counts. Stateless.
 */
final class HtmlLinks {

    private HtmlLinks() {
    }

    /** The first live element in document order that matches, or null; stops walking at the match. */
    static @Nullable Element first(Element root, Predicate<Element> predicate) {
        Element[] found = new Element[1];
        walk(root, element -> {
            if (predicate.test(element)) {
                found[0] = element;
                return true;
            }
            return false;
        });
        return found[0];
    }

    /** Every live element in document order that matches. */
    static List<Element> all(Element root, Predicate<Element> predicate) {
        List<Element> matches = new ArrayList<>();
        walk(root, element -> {
            if (predicate.test(element)) {
                matches.add(element);
            }
            return false;
        });
        return matches;
    }

    /** Visits the live elements in document order until {@code stop} answers true for one. */
    private static void walk(Element root, Predicate<Element> stop) {
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element element)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (element.nameIs("template")) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                return stop.test(element) ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, root);
    }

    /** Whether a rel value holds a token, compared case-insensitively; tokens split on ASCII whitespace. */
    static boolean hasRelToken(String rel, String token) {
        int length = rel.length();
        int i = 0;
        while (i < length) {
            while (i < length && isSpace(rel.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && !isSpace(rel.charAt(i))) {
                i++;
            }
            if (i - start == token.length() && rel.regionMatches(true, start, token, 0, token.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
