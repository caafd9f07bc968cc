package dev.parley.core.content.internal;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.parser.TagSet;

/**
 * The rendering steps in their fixed order: build or parse the tree, normalize it, and write it with the
 * {@link SafeHtmlWriter}, which lays out paragraphs and line breaks and links bare URLs as it writes. Doing
 * that in the writer spares rebuilding the tree and a node per paragraph, break and link; every element it
 * adds passes the same safelist checks as any other, so the sanitizer still has the last word on everything
 * emitted. Immutable and thread-safe.
 */
public final class Pipeline {

    private final SafeHtmlWriter writer = new SafeHtmlWriter(ContentPolicy.safelist());
    private final boolean htmlParagraphs;
    private final boolean htmlLinks;

    /**
     * Creates a pipeline.
     *
     * @param htmlParagraphs whether HTML input gets paragraphs and line breaks from its newlines
     * @param htmlLinks whether bare URLs in HTML input become links
     */
    public Pipeline(boolean htmlParagraphs, boolean htmlLinks) {
        this.htmlParagraphs = htmlParagraphs;
        this.htmlLinks = htmlLinks;
    }

    /**
     * Renders plain text.
     *
     * @param text the input, already checked against the size limit
     * @return sanitized HTML
     */
    public String plainText(String text) {
        Element body = Texts.body();
        PlainText.build(lineFeeds(text), body);
        return writer.write(body, text.length(), true, false);
    }

    /**
     * Renders the HTML subset.
     *
     * @param html the input, already checked against the size limit
     * @return sanitized HTML
     */
    public String html(String html) {
        Element body = parse(lineFeeds(html));
        TreeNormalizer.normalize(body, writer::hasTarget);
        return writer.write(body, html.length(), htmlLinks, htmlParagraphs);
    }

    /**
     * Parses a fragment as the content of a {@code body}, the way {@code Jsoup.parseBodyFragment} does, and
     * returns the element holding the parsed nodes. The nodes stay under the parser's own root instead of
     * being moved one by one into the body of a second, document-shaped tree that nothing here reads.
     */
    private static Element parse(String html) {
        Parser parser = Parser.htmlParser().tagSet(TAGS);
        List<Node> nodes = parser.parseFragmentInput(html, Texts.body(), "");
        if (nodes.isEmpty() || !(nodes.get(0).parentNode() instanceof Element root)) {
            return Texts.body();
        }
        return root;
    }

    /**
     * The tags nearly every comment uses, looked up once. Each parse gets a copy of this set ({@link
     * Parser#tagSet(TagSet)} copies it), so what a parse records on its tags stays in that parse; a tag not in
     * it is looked up as usual. jsoup otherwise starts every parse from an empty set and sets up each tag on
     * first use, which cost more than copying these. Never changed after this initializer, so it is safe to
     * share.
     */
    static final TagSet TAGS = commonTags();

    private static TagSet commonTags() {
        TagSet tags = TagSet.Html();
        for (String tag : ContentPolicy.TAGS) {
            tags.valueOf(tag, Parser.NamespaceHtml);
        }
        tags.valueOf("html", Parser.NamespaceHtml);
        tags.valueOf("body", Parser.NamespaceHtml);
        return tags;
    }

    private static String lineFeeds(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
