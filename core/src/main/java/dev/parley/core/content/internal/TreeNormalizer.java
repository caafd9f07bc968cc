package dev.parley.core.content.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reduces a parsed tree to the shape the writer will emit, before any transform looks at it: comments, data
 * and {@linkplain ContentPolicy#DROPPED_WITH_CONTENT dropped elements} go, other disallowed elements and
 * misplaced allowed ones are unwrapped (see {@link Nesting}). An unwrapped block ({@code div}, {@code h1}, a
 * list item outside a list, ...) leaves a {@code <br>} before and after it where text would otherwise run
 * into its neighbours.
 *
 * <p>This is not the sanitizer: attributes are untouched and the writer still checks everything. It exists
 * so that paragraphs and links are decided on the tree that will be written, which is what makes rendering
 * idempotent. Iterative, so hostile nesting depth cannot overflow the stack. Stateless and thread-safe.
 */
final class TreeNormalizer {

    private TreeNormalizer() {
    }

    /**
     * Normalizes the children of {@code root} in place.
     *
     * @param root the container, typically a fragment's body
     * @param hasTarget whether a link's target survives the writer; links without one are unwrapped
     */
    static void normalize(Element root, Predicate<Element> hasTarget) {
        Pass pass = new Pass(root, hasTarget);
        NodeTraversor.filter(pass, root);
        for (Element element : pass.unwrap) {
            element.unwrap();
        }
    }

    private static final class Pass implements NodeFilter {
        private final Element root;
        private final Predicate<Element> hasTarget;
        private final Nesting nesting = new Nesting();
        // Most comments need nothing unwrapped: made on first use.
        private List<Element> unwrap = List.of();
        private Set<Element> unwrapped = Set.of();
        private boolean[] kept = new boolean[32];

        Pass(Element root, Predicate<Element> hasTarget) {
            this.root = root;
            this.hasTarget = hasTarget;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node == root) {
                return FilterResult.CONTINUE;
            }
            if (node instanceof TextNode) {
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.REMOVE;
            }
            String tag = element.normalName();
            if (ContentPolicy.DROPPED_WITH_CONTENT.contains(tag)) {
                return FilterResult.REMOVE;
            }
            if (depth >= kept.length) {
                kept = Arrays.copyOf(kept, Math.max(depth + 1, kept.length * 2));
            }
            boolean keep = ContentPolicy.TAGS.contains(tag) && nesting.admits(tag)
                    && (!"a".equals(tag) || hasTarget.test(element));
            kept[depth] = keep;
            if (keep) {
                nesting.push(tag);
            } else {
                if (unwrap.isEmpty()) {
                    unwrap = new ArrayList<>();
                    unwrapped = Collections.newSetFromMap(new IdentityHashMap<>());
                }
                unwrap.add(element);
                unwrapped.add(element);
                if (ContentPolicy.isBlock(tag) || ContentPolicy.HTML_BLOCKS.contains(tag)) {
                    // A block that cannot stay one still separates its text from what is around it.
                    if (breaksBefore(element, depth)) {
                        element.before(Texts.lineBreak());
                    }
                    if (breaksAfter(element, depth)) {
                        element.after(Texts.lineBreak());
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        /** Whether a line break goes before an unwrapped block: something other than a break or block precedes it. */
        private boolean breaksBefore(Element element, int depth) {
            Node node = element;
            int level = depth;
            while (true) {
                Node previous = node.previousSibling();
                while (previous instanceof TextNode text && text.isBlank()) {
                    previous = previous.previousSibling();
                }
                if (previous != null) {
                    return !(previous instanceof Element before)
                            || !"br".equals(before.normalName())
                                    && !(ContentPolicy.isBlock(before.normalName()) && !unwrapped.contains(before));
                }
                if (level <= 1 || kept[level - 1]) {
                    return false;
                }
                node = node.parentNode();
                level--;
            }
        }

        /** Whether a line break goes after an unwrapped block: text or an inline element follows it. */
        private boolean breaksAfter(Element element, int depth) {
            Node node = element;
            int level = depth;
            while (true) {
                Node next = node.nextSibling();
                // Later siblings are not visited yet: skip comments and data the pass will remove.
                while (next != null && (next instanceof TextNode text ? text.isBlank() : !(next instanceof Element))) {
                    next = next.nextSibling();
                }
                if (next instanceof TextNode) {
                    return true;
                }
                if (next instanceof Element after) {
                    String tag = after.normalName();
                    return !"br".equals(tag) && !ContentPolicy.isBlock(tag)
                            && !ContentPolicy.HTML_BLOCKS.contains(tag)
                            && !ContentPolicy.DROPPED_WITH_CONTENT.contains(tag);
                }
                if (level <= 1 || kept[level - 1]) {
                    return false;
                }
                node = node.parentNode();
                level--;
            }
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node != root && node instanceof Element && kept[depth]) {
                nesting.pop();
            }
            return FilterResult.CONTINUE;
        }
    }
}
