package dev.parley.core.content.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The rendering steps in their fixed order: build or parse the tree, normalize it, transform it (paragraphs,
 * links), and sanitize it last with the {@link SafeHtmlWriter}. Immutable and thread-safe.
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
        Autolinker.link(body);
        return writer.write(body, text.length());
    }

    /**
     * Renders the HTML subset.
     *
     * @param html the input, already checked against the size limit
     * @return sanitized HTML
     */
    public String html(String html) {
        Element body = Jsoup.parseBodyFragment(lineFeeds(html)).body();
        TreeNormalizer.normalize(body, writer::hasTarget);
        if (htmlParagraphs) {
            Paragraphs.apply(body);
        }
        if (htmlLinks) {
            Autolinker.link(body);
        }
        return writer.write(body, html.length());
    }

    private static String lineFeeds(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
