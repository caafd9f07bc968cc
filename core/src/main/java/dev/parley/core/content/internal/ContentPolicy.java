package dev.parley.core.content.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.safety.Safelist;

/**
 * What survives rendering: the tags, attributes and URL schemes of WordPress's comment subset, and the
 * elements whose content is dropped with them.
 *
 * <p>The jsoup {@link Safelist} built here is the authority the writer consults; the sets beside it drive
 * the tree passes that run before the writer, so both read one list. Immutable and thread-safe.
 */
public final class ContentPolicy {

    /** Every element that may appear in rendered output. */
    public static final Set<String> TAGS = Set.of(
            "a", "abbr", "acronym", "b", "blockquote", "cite", "code", "del", "em", "i", "q", "s", "strike",
            "strong", "p", "br", "pre", "ul", "ol", "li");

    /** The attributes allowed on each element; the URL ones among them are limited to the schemes below. */
    static final Map<String, List<String>> ATTRIBUTES = Map.of(
            "a", List.of("href", "title"),
            "abbr", List.of("title"),
            "acronym", List.of("title"),
            "blockquote", List.of("cite"),
            "q", List.of("cite"),
            "del", List.of("datetime"));

    /** The allowed elements a browser's parser treats as blocks: a {@code p} must never contain one. */
    static final Set<String> BLOCKS = Set.of("p", "pre", "ul", "ol", "li", "blockquote");

    /** Disallowed elements a browser shows as blocks: unwrapped, they still end a line. */
    static final Set<String> HTML_BLOCKS = Set.of(
            "address", "article", "aside", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
            "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hgroup", "hr", "main", "menu", "nav", "section", "summary", "table", "caption", "thead", "tbody",
            "tfoot", "tr", "td", "th", "listing", "xmp", "plaintext", "search", "legend");

    /**
     * Disallowed elements removed together with everything inside them, because their content is code,
     * embedded media, form controls or foreign markup rather than prose. Every other disallowed element is
     * unwrapped: its text stays, as jsoup's own cleaner keeps it.
     */
    static final Set<String> DROPPED_WITH_CONTENT = Set.of(
            "script", "style", "template", "head", "title", "meta", "link", "base", "iframe", "frame", "frameset",
            "noframes", "noembed", "noscript", "object", "embed", "applet", "param", "svg", "math", "textarea",
            "select", "option", "button", "input", "canvas", "audio", "video", "img", "image", "picture", "source",
            "track", "map", "area", "portal", "fencedframe");

    /**
     * How deep allowed elements may nest, not counting {@code p} and {@code a} (the passes insert those). A
     * deeper element is unwrapped: real comments stay far below this, and browsers flatten very deep trees in
     * ways a sanitizer cannot predict.
     */
    static final int MAX_NESTING = 64;

    private ContentPolicy() {
    }

    /**
     * Builds the safelist from scratch (never from {@code Safelist.basic()}, whose {@code q cite} accepts any
     * scheme): the tags above; {@code a href, title}; {@code abbr title}; {@code acronym title};
     * {@code blockquote cite}; {@code q cite}; {@code del datetime}; {@code href} limited to http, https and
     * mailto, {@code cite} to http and https; {@code rel="nofollow ugc"} forced on every link.
     *
     * @return a new safelist; callers must not change it once shared
     */
    public static Safelist safelist() {
        Safelist safelist = new Safelist().addTags(TAGS.toArray(String[]::new));
        ATTRIBUTES.forEach((tag, keys) -> safelist.addAttributes(tag, keys.toArray(String[]::new)));
        return safelist
                .addProtocols("a", "href", "http", "https", "mailto")
                .addProtocols("blockquote", "cite", "http", "https")
                .addProtocols("q", "cite", "http", "https")
                .addEnforcedAttribute("a", "rel", "nofollow ugc");
    }

    static boolean isBlock(String tag) {
        return BLOCKS.contains(tag);
    }
}
