package dev.parley.core;

import dev.parley.storage.Comment;
import dev.parley.storage.Kind;
import dev.parley.storage.Status;
import java.util.Locale;

/** Renders a page as an indented outline, so a test can assert the whole tree shape at once. */
final class Outline {

    private Outline() {
    }

    static String of(ThreadPage page) {
        StringBuilder out = new StringBuilder();
        for (ThreadNode root : page.roots()) {
            append(out, root, 0);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, ThreadNode node, int indent) {
        Comment c = node.comment();
        out.append("  ".repeat(indent));
        if (node.placeholder()) {
            out.append("[deleted]");
        } else {
            if (c.kind() != Kind.COMMENT) {
                out.append(c.kind().name().toLowerCase(Locale.ROOT)).append(' ');
            }
            out.append(c.author().name()).append(": ").append(c.text());
            if (c.status() != Status.APPROVED) {
                out.append(" (").append(c.status().name().toLowerCase(Locale.ROOT)).append(')');
            }
            if (c.inReplyToId() != null && !c.inReplyToId().equals(c.parentId())) {
                out.append(" (answers ").append(c.inReplyToId()).append(')');
            }
        }
        out.append('\n');
        for (ThreadNode reply : node.replies()) {
            append(out, reply, indent + 1);
        }
    }
}
