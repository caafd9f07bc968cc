package dev.parley.core.notify;

import dev.parley.storage.Comment;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text from a comment's sanitized HTML, for the text body of a mail: a blank line between blocks, a line
 * break for {@code <br>}, a link's target after its text when they differ. Thread-safe: stateless.
 */
final class MailText {

    private static final Set<String> BLOCKS = Set.of("p", "blockquote", "pre", "ul", "ol", "li", "div", "h1", "h2",
            "h3", "h4", "h5", "h6");

    private MailText() {
    }

    static String of(Comment comment) {
        String text = fromHtml(comment.html());
        if (text.isEmpty() && comment.linkback() != null) {
            String title = comment.linkback().title();
            return title == null ? comment.linkback().sourceUrl() : title;
        }
        return text;
    }

    static String fromHtml(String html) {
        StringBuilder out = new StringBuilder();
        Element body = Jsoup.parseBodyFragment(html).body();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    String words = text.text().replaceAll("\\s+", " ");
                    if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
                        words = words.stripLeading();
                    }
                    out.append(words);
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    if (element.normalName().equals("a")) {
                        String href = element.attr("href");
                        if (!href.isEmpty() && !href.equals(element.text())) {
                            out.append(" <").append(href).append('>');
                        }
                    } else if (BLOCKS.contains(element.normalName())) {
                        blankLine(out);
                    }
                }
            }
        }, body);
        return out.toString().strip();
    }

    private static void blankLine(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
        if (out.length() == 0 || out.toString().endsWith("\n\n")) {
            return;
        }
        out.append(out.charAt(out.length() - 1) == '\n' ? "\n" : "\n\n");
    }
}
