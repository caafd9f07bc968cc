package dev.parley.core.content.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;

/**
 * Reduces a parsed tree to the shape the writer will emit, before any transform looks at it: comments, data
 * and {@linkplain ContentPolicy#DROPPED_WITH_CONTENT dropped elements} go, other disallowed elements and
 * misplaced allowed ones are unwrapped (see {@link Nesting}). An unwrapped block ({@code div}, {@code h1}, a
 * list item outside a list, ...) leaves a {@code <br>} before and after it where text would otherwise run
 * into its neighbours.
 *
 * <p>This is not the sanitizer: attributes are untouched and the writer still checks everything. It exists
 * so that paragraphs and links are decided on the tree that will be written, which is what makes rendering
 * idempotent. Iterative, so hostile nesting depth cannot overflow the stack.
 *
 * <p><b>Linear in the number of nodes, whatever the nesting.</b> The tree is first only read: one pass
 * decides what each node becomes, and a second moves every kept node, once, into the child list of its
 * nearest kept ancestor. Removing, unwrapping or inserting nodes one at a time in jsoup renumbers all the
 * siblings after the spot each time, which on hostile input (thousands of unwrapped elements side by side,
 * where jsoup's parser stops nesting) made normalizing quadratic. The search for a block's neighbours climbs
 * only through unwrapped inline ancestors and stops at the first unwrapped block, whose own breaks already
 * decided the answer, so each ancestor is climbed through at most once in each direction. The steps taken are
 * counted in a {@link Steps}. Stateless and thread-safe.
 */
final class TreeNormalizer {

    private TreeNormalizer() {
    }

    /**
     * Normalizes the children of {@code root} in place.
     *
     * @param root the container, typically a fragment's body
     * @param hasTarget whether a link's target survives the writer; links without one are unwrapped
     * @param steps counts the nodes visited
     */
    static void normalize(Element root, Predicate<Element> hasTarget, Steps steps) {
        Pass pass = new Pass(root, hasTarget, steps);
        NodeTraversor.filter(pass, root);
        if (!pass.marks.isEmpty()) {
            rebuild(root, pass.marks, steps);
        }
    }

    /** The node is removed with its content. */
    private static final int REMOVED = 1;
    /** The element is unwrapped: its content takes its place. */
    private static final int UNWRAPPED = 2;
    /** A line break goes before the unwrapped element. */
    private static final int BREAK_BEFORE = 4;
    /** A line break goes after the unwrapped element; its neighbours see one there. */
    private static final int BREAK_AFTER = 8;
    /**
     * The line break after the unwrapped element is not kept: its nesting does not admit a {@code br}. Its
     * neighbours still saw it when their breaks were decided.
     */
    private static final int BREAK_AFTER_REFUSED = 16;

    /**
     * Gives every kept element, and {@code root}, its final children: each of its children that is kept, in
     * place of an unwrapped one that one's final content between its line breaks, and nothing for a removed
     * one. Every element is emptied once its children are read, so each kept node is appended, never moved
     * out of a list: both are constant-time in jsoup, where removing from or inserting into the middle of a
     * list renumbers the siblings.
     */
    private static void rebuild(Element root, Map<Node, Integer> marks, Steps steps) {
        List<Element> owners = new ArrayList<>();
        List<List<Node>> contents = new ArrayList<>();
        List<Node> rootContent = new ArrayList<>();
        owners.add(root);
        contents.add(rootContent);
        Frame top = new Frame(root, rootContent, false, null);
        while (top != null) {
            Frame frame = top;
            if (frame.next < frame.source.childNodeSize()) {
                Node child = frame.source.childNode(frame.next++);
                steps.add(1);
                int mark = marks.getOrDefault(child, 0);
                if ((mark & REMOVED) != 0) {
                    continue;
                }
                if (child instanceof Element element && (mark & UNWRAPPED) != 0) {
                    if ((mark & BREAK_BEFORE) != 0) {
                        frame.content.add(Texts.lineBreak());
                    }
                    boolean breakAfter = (mark & BREAK_AFTER) != 0 && (mark & BREAK_AFTER_REFUSED) == 0;
                    top = new Frame(element, frame.content, breakAfter, frame);
                    continue;
                }
                frame.content.add(child);
                if (child instanceof Element element && element.childNodeSize() > 0) {
                    List<Node> content = new ArrayList<>(element.childNodeSize());
                    owners.add(element);
                    contents.add(content);
                    top = new Frame(element, content, false, frame);
                }
                continue;
            }
            frame.source.empty();
            if (frame.breakAfter) {
                frame.content.add(Texts.lineBreak());
            }
            top = frame.outer;
        }
        for (int i = 0; i < owners.size(); i++) {
            Element owner = owners.get(i);
            for (Node node : contents.get(i)) {
                owner.appendChild(node);
            }
            steps.add(contents.get(i).size());
        }
    }

    /** An element whose children are being read into {@code content}, the list of its nearest kept ancestor. */
    private static final class Frame {
        final Element source;
        final List<Node> content;
        final boolean breakAfter;
        final @Nullable Frame outer;
        int next;

        Frame(Element source, List<Node> content, boolean breakAfter, @Nullable Frame outer) {
            this.source = source;
            this.content = content;
            this.breakAfter = breakAfter;
            this.outer = outer;
        }
    }

    private static final class Pass implements NodeFilter {
        private final Element root;
        private final Predicate<Element> hasTarget;
        private final Steps steps;
        private final Nesting nesting = new Nesting();
        /** What becomes of each node that does not stay as it is; most comments need nothing, so made on first use. */
        Map<Node, Integer> marks = Map.of();
        private boolean[] kept = new boolean[32];

        Pass(Element root, Predicate<Element> hasTarget, Steps steps) {
            this.root = root;
            this.hasTarget = hasTarget;
            this.steps = steps;
        }

        private void mark(Node node, int mark) {
            if (marks.isEmpty()) {
                marks = new IdentityHashMap<>();
            }
            marks.merge(node, mark, (a, b) -> a | b);
        }

        private int markOf(Node node) {
            return marks.getOrDefault(node, 0);
        }

        @Override
        public FilterResult head(Node node, int depth) {
            steps.add(1);
            if (node == root) {
                return FilterResult.CONTINUE;
            }
            if (node instanceof TextNode) {
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                mark(node, REMOVED);
                return FilterResult.SKIP_ENTIRELY;
            }
            String tag = element.normalName();
            if (ContentPolicy.DROPPED_WITH_CONTENT.contains(tag)) {
                mark(node, REMOVED);
                return FilterResult.SKIP_ENTIRELY;
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
                int mark = UNWRAPPED;
                if (isBlock(tag)) {
                    // A block that cannot stay one still separates its text from what is around it.
                    if (breaksBefore(element, depth)) {
                        mark |= BREAK_BEFORE;
                    }
                    if (breaksAfter(element, depth)) {
                        mark |= BREAK_AFTER;
                        // The break would be an element of the tree here, so the nesting decides it like one.
                        if (!nesting.admits("br")) {
                            mark |= BREAK_AFTER_REFUSED;
                        }
                    }
                }
                mark(element, mark);
            }
            return FilterResult.CONTINUE;
        }

        /** Whether an element that cannot stay is a block all the same, and so gets line breaks around it. */
        private static boolean isBlock(String tag) {
            return ContentPolicy.isBlock(tag) || ContentPolicy.HTML_BLOCKS.contains(tag);
        }

        /**
         * Whether a line break goes before an unwrapped block: something other than a break or block precedes
         * it. Reads the tree as unwrapping and the breaks decided so far will leave it: removed nodes are
         * skipped, and a sibling with a break after it ends the search.
         */
        private boolean breaksBefore(Element element, int depth) {
            Node node = element;
            int level = depth;
            while (true) {
                Node previous = node.previousSibling();
                while (previous != null && (previous instanceof TextNode text ? text.isBlank()
                        : (markOf(previous) & REMOVED) != 0)) {
                    steps.add(1);
                    previous = previous.previousSibling();
                }
                if (previous != null) {
                    if ((markOf(previous) & BREAK_AFTER) != 0) {
                        return false;
                    }
                    return !(previous instanceof Element before)
                            || !"br".equals(before.normalName())
                                    && !(ContentPolicy.isBlock(before.normalName())
                                            && (markOf(before) & UNWRAPPED) == 0);
                }
                if (level <= 1 || kept[level - 1]) {
                    return false;
                }
                node = node.parentNode();
                level--;
                steps.add(1);
                // An unwrapped block's own break, or the reason it has none, answers for what it holds.
                if (node instanceof Element parent && isBlock(parent.normalName())) {
                    return false;
                }
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
                    steps.add(1);
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
                steps.add(1);
                if (node instanceof Element parent && isBlock(parent.normalName())) {
                    return false;
                }
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
