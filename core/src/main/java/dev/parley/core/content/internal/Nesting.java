package dev.parley.core.content.internal;

import java.util.Arrays;

/**
 * The open allowed elements along one path of the tree, and whether another may open inside them.
 *
 * <p>Rendered HTML is parsed again by a browser. An element the HTML parser would move (a block inside a
 * {@code p}, an {@code li} outside a list or directly inside another {@code li}, a link inside a link) makes
 * the browser's tree differ from the one that was sanitized, and re-rendering would not be stable. Such an
 * element is unwrapped instead: its content stays where it is. Both the tree pass and the writer ask the same
 * questions, so the writer's answer is always "yes" for a normalized tree. Not thread-safe: one per pass.
 */
final class Nesting {

    private String[] open = new String[16];
    private int size;
    private int paragraphs;
    private int links;
    private int depth;

    /**
     * Whether an element with the given allowed tag may open here.
     *
     * @param tag an allowed tag
     * @return true if it may
     */
    boolean admits(String tag) {
        boolean counted = !"p".equals(tag) && !"a".equals(tag);
        if (counted && depth >= ContentPolicy.MAX_NESTING) {
            return false;
        }
        if (paragraphs > 0 && ContentPolicy.isBlock(tag)) {
            return false;
        }
        if ("a".equals(tag)) {
            return links == 0;
        }
        if ("li".equals(tag)) {
            for (int i = size - 1; i >= 0; i--) {
                String outer = open[i];
                if ("ul".equals(outer) || "ol".equals(outer)) {
                    return true;
                }
                if ("li".equals(outer)) {
                    return false;
                }
            }
            return false;
        }
        return true;
    }

    void push(String tag) {
        if (size == open.length) {
            open = Arrays.copyOf(open, size * 2);
        }
        open[size++] = tag;
        if ("p".equals(tag)) {
            paragraphs++;
        } else if ("a".equals(tag)) {
            links++;
        } else {
            depth++;
        }
    }

    void pop() {
        String tag = open[--size];
        open[size] = null;
        if ("p".equals(tag)) {
            paragraphs--;
        } else if ("a".equals(tag)) {
            links--;
        } else {
            depth--;
        }
    }
}
