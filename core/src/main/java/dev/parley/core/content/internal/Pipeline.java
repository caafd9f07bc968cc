package dev.parley.core.content.internal;

import java.util.List;
import java.util.function.Consumer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.parser.TagSet;
import org.jspecify.annotations.Nullable;

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
     * Renders the HTML subset. A comment whose tree the normalizer would leave unchanged, as most are, is
     * written straight away: if the parse met only the policy's tags, the writer tries a strict write that
     * gives up at the first node normalizing would change ({@link SafeHtmlWriter#writeIfNormal}), and only
     * then is the tree normalized and written.
     *
     * @param html the input, already checked against the size limit
     * @return sanitized HTML
     */
    public String html(String html) {
        return html(html, new Steps());
    }

    /** Renders the HTML subset as {@link #html(String)} does, counting the steps after the parse. */
    String html(String html, Steps steps) {
        Parsed parsed = parse(lineFeeds(html));
        Element body = parsed.body();
        if (parsed.onlyCommonTags()) {
            @Nullable String written = writer.writeIfNormal(body, html.length(), htmlLinks, htmlParagraphs, steps);
            if (written != null) {
                return written;
            }
        }
        TreeNormalizer.normalize(body, writer::hasTarget, steps);
        return writer.write(body, html.length(), htmlLinks, htmlParagraphs, steps);
    }

    /**
     * A parsed fragment.
     *
     * @param body the element holding the parsed nodes
     * @param onlyCommonTags whether the parse met no tag outside {@link #TAGS}
     */
    record Parsed(Element body, boolean onlyCommonTags) {
    }

    /** Notes that a parse met a tag outside {@link #TAGS}, which the normalizer would unwrap or drop. */
    private static final class OtherTags implements Consumer<Tag> {
        boolean seen;

        @Override
        public void accept(Tag tag) {
            seen = true;
        }
    }

    /**
     * Parses a fragment as the content of a {@code body}, the way {@code Jsoup.parseBodyFragment} does. The
     * nodes stay under the parser's own root instead of being moved one by one into the body of a second,
     * document-shaped tree that nothing here reads. The parse's copy of {@link #TAGS} notes any tag it has to
     * add.
     */
    static Parsed parse(String html) {
        Parser parser = Parser.htmlParser().tagSet(TAGS);
        OtherTags otherTags = new OtherTags();
        parser.tagSet().onNewTag(otherTags);
        List<Node> nodes = parser.parseFragmentInput(html, Texts.body(), "");
        if (nodes.isEmpty() || !(nodes.get(0).parentNode() instanceof Element root)) {
            return new Parsed(Texts.body(), !otherTags.seen);
        }
        return new Parsed(root, !otherTags.seen);
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
