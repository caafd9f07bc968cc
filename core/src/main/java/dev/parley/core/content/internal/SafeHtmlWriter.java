package dev.parley.core.content.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * The sanitizer: writes a tree as HTML, keeping only what the {@link ContentPolicy#safelist() safelist}
 * allows. It always runs last, after every transform that changes the tree; the two that only add inline
 * markup to text, line breaks and bare-URL links, it applies itself as it writes (see
 * {@link #write(Element, int, boolean, boolean)}), each added element decided like one in the tree.
 *
 * <p>One pass over the tree straight into a string, instead of jsoup's {@code Cleaner} (which copies the
 * tree) followed by {@code html()}: the same decisions, less than half the work. The safelist decides every
 * tag and every attribute, its verdicts on the policy's attributes read once at construction; a URL attribute is checked by {@link UrlPolicy} against the schemes the
 * safelist allows for it (read once by {@link UrlAttributes}), and its cleaned value is the one written; the
 * safelist's enforced attributes ({@code rel="nofollow ugc"}) replace any the input had. Disallowed elements,
 * and links without an allowed target, are unwrapped, their text kept; comments and script or style data are
 * never written; text and attribute values are escaped; {@link Nesting} unwraps anything a browser would re-nest. The output
 * is compact (no indentation), and a newline that opens a {@code pre} is doubled so that the browser's
 * parser, which drops one, keeps the text intact.
 *
 * <p>Immutable and thread-safe: each call to {@link #write(Element)} has its own state.
 */
public final class SafeHtmlWriter {

    private final UrlAttributes urls;
    /** The policy's tags, each with what the safelist allows on it; a tag outside the policy has none. */
    private final Map<String, Rule> rules;
    private final @Nullable Rule link;
    private final @Nullable Rule lineBreak;

    /**
     * What the writer needs to know about one of the policy's tags, read from the safelist once.
     *
     * @param tag the tag name
     * @param allowed whether the safelist allows the tag
     * @param textKeys the non-URL attributes the safelist allows on it
     * @param enforcedKeys the attributes the safelist sets itself, which replace any the input had
     * @param enforcedMarkup those attributes as written, each with a leading space
     * @param unlinkable whether bare URLs inside it stay text ({@code a}, {@code pre}, {@code code})
     * @param preformatted whether its text is written as it is ({@code pre})
     */
    private record Rule(String tag, boolean allowed, Set<String> textKeys, Set<String> enforcedKeys,
            String enforcedMarkup, boolean unlinkable, boolean preformatted) {
    }

    /**
     * Creates a writer for the given safelist. Only the tags of {@link ContentPolicy#TAGS} can be written,
     * and of those only the ones the safelist allows: a safelist can narrow the policy, never widen it.
     *
     * @param safelist the policy, which must not change afterwards
     * @throws IllegalStateException if the safelist allows a URL attribute without restricting its schemes,
     *     or allows a scheme that can run code
     */
    public SafeHtmlWriter(Safelist safelist) {
        this.urls = new UrlAttributes(safelist, ContentPolicy.TAGS);
        Map<String, Rule> byTag = new HashMap<>();
        for (String tag : ContentPolicy.TAGS) {
            // jsoup's isSafeAttribute allocates on every call; the safelist's verdict on each declared
            // attribute is read once instead. An attribute the policy never declared is refused without asking.
            Set<String> textKeys = new HashSet<>();
            for (String key : ContentPolicy.ATTRIBUTES.getOrDefault(tag, List.of())) {
                Element probe = new Element(tag).attr(key, "text");
                if (!UrlAttributes.isUrlKey(key) && safelist.isSafeAttribute(tag, probe, probe.attribute(key))) {
                    textKeys.add(key);
                }
            }
            StringBuilder markup = new StringBuilder();
            Set<String> enforcedKeys = new HashSet<>();
            for (Attribute attribute : safelist.getEnforcedAttributes(tag)) {
                enforcedKeys.add(attribute.getKey());
                markup.append(' ').append(attribute.getKey()).append("=\"")
                        .append(new HtmlOutput(32).escaped(attribute.getValue(), true)).append('"');
            }
            byTag.put(tag, new Rule(tag, safelist.isSafeTag(tag), Set.copyOf(textKeys), Set.copyOf(enforcedKeys),
                    markup.toString(), "a".equals(tag) || "pre".equals(tag) || "code".equals(tag),
                    "pre".equals(tag)));
        }
        this.rules = Map.copyOf(byTag);
        this.link = allowedRule("a");
        this.lineBreak = allowedRule("br");
    }

    private @Nullable Rule allowedRule(String tag) {
        Rule rule = rules.get(tag);
        return rule != null && rule.allowed() ? rule : null;
    }

    /**
     * Whether a link has a target the writer will keep. A link without one is unwrapped, leaving its text,
     * here and (so that links are decided on the tree that is written) in {@link TreeNormalizer}.
     *
     * @param anchor an {@code a} element
     * @return true if its {@code href} is allowed
     */
    boolean hasTarget(Element anchor) {
        return target(anchor) != null;
    }

    private @Nullable String target(Element anchor) {
        Attribute href = anchor.attribute("href");
        return href == null ? null : url("a", "href", href.getValue());
    }

    /**
     * Returns a URL attribute's value as it will be written, or null if the safelist does not allow the
     * attribute on the tag or the value is not an allowed absolute URL.
     */
    private @Nullable String url(String tag, String key, String value) {
        Set<String> schemes = urls.schemes(tag, key);
        return schemes == null ? null : UrlPolicy.clean(value, schemes);
    }

    /**
     * Writes the allowed content of {@code root}'s children.
     *
     * @param root the container (not written itself)
     * @return the sanitized HTML
     */
    public String write(Element root) {
        return write(root, 256);
    }

    /**
     * Writes the allowed content of {@code root}'s children, sizing the buffer for the expected output.
     *
     * @param root the container (not written itself)
     * @param expectedLength a guess at the output length, such as the input length
     * @return the sanitized HTML
     */
    public String write(Element root, int expectedLength) {
        return write(root, expectedLength, false, false);
    }

    /**
     * Writes the allowed content of {@code root}'s children, optionally linking bare URLs in its text as it
     * goes (outside {@code a}, {@code pre} and {@code code}, as {@link BareUrls} finds them). A link added this
     * way passes the same checks as a link in the tree: the safelist must allow {@code a} there, the target
     * must pass {@link UrlPolicy}, and the enforced attributes are added; a URL that fails stays text.
     * Adjacent text nodes are read as one text, so a URL split by an unwrapped element is still found.
     *
     * <p>With {@code breakLines}, each whitespace run holding a newline in text outside {@code pre} is written
     * as {@code <br>}, or dropped at the edge of a block or next to a break ({@link Paragraphs#startsAtEdge},
     * {@link Paragraphs#endsAtEdge}); the break is written only if the safelist and the nesting allow a
     * {@code br} there, like one in the tree. URLs are then linked in the lines between breaks.
     *
     * @param root the container (not written itself)
     * @param expectedLength a guess at the output length, such as the input length
     * @param linkBareUrls whether to link bare URLs in text
     * @param breakLines whether newlines outside {@code pre} become line breaks
     * @return the sanitized HTML
     */
    public String write(Element root, int expectedLength, boolean linkBareUrls, boolean breakLines) {
        Visitor visitor = new Visitor(root, expectedLength + expectedLength / 8 + 64, linkBareUrls, breakLines);
        NodeTraversor.traverse(visitor, root);
        return visitor.out.toString();
    }

    private final class Visitor implements NodeVisitor {
        private final Element root;
        private final HtmlOutput out;
        private final Nesting nesting = new Nesting();
        private boolean[] written = new boolean[32];
        private final boolean linkBareUrls;
        private final boolean breakLines;
        /** Open {@code pre} elements, written or not: their text is written as it is. */
        private int preformatted;
        private boolean preJustOpened;
        /** Open elements, written or not, in which text is never linked: {@code a}, {@code pre}, {@code code}. */
        private int unlinkable;
        /** Text nodes already written as part of the text node before them. */
        private int joinedTexts;

        Visitor(Element root, int capacity, boolean linkBareUrls, boolean breakLines) {
            this.root = root;
            this.out = new HtmlOutput(capacity);
            this.linkBareUrls = linkBareUrls;
            this.breakLines = breakLines;
        }

        @Override
        public void head(Node node, int depth) {
            if (node == root) {
                return;
            }
            if (node instanceof TextNode text) {
                if (joinedTexts > 0) {
                    joinedTexts--;
                    return;
                }
                if (preformatted == 0 && (breakLines || linkBareUrls && unlinkable == 0)) {
                    prose(text);
                    return;
                }
                String value = text.getWholeText();
                if (preJustOpened && !value.isEmpty() && value.charAt(0) == '\n') {
                    out.append('\n');
                }
                if (!value.isEmpty()) {
                    preJustOpened = false;
                }
                out.escaped(value, false);
            } else if (node instanceof Element element) {
                if (depth >= written.length) {
                    written = Arrays.copyOf(written, Math.max(depth + 1, written.length * 2));
                }
                @Nullable Rule rule = rules.get(element.normalName());
                boolean write = false;
                @Nullable String href = null;
                if (rule != null) {
                    if (rule.unlinkable()) {
                        unlinkable++;
                    }
                    if (rule.preformatted()) {
                        preformatted++;
                    }
                    write = rule.allowed() && nesting.admits(rule.tag());
                    if (write && rule == link) {
                        href = target(element);
                        write = href != null;
                    }
                }
                written[depth] = write;
                if (write) {
                    nesting.push(rule.tag());
                    startTag(rule, element, href);
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node == root || !(node instanceof Element element)) {
                return;
            }
            @Nullable Rule rule = rules.get(element.normalName());
            if (rule == null) {
                return;
            }
            if (rule.unlinkable()) {
                unlinkable--;
            }
            if (rule.preformatted()) {
                preformatted--;
            }
            if (written[depth]) {
                nesting.pop();
                preJustOpened = false;
                if (rule != lineBreak) {
                    out.append("</").append(rule.tag()).append('>');
                }
            }
        }

        /**
         * Writes a text node outside {@code pre} and the text nodes right after it as one text, breaking its
         * lines and linking its URLs as configured.
         */
        private void prose(TextNode first) {
            String value = first.getWholeText();
            Node last = first;
            Node next = first.nextSibling();
            if (next instanceof TextNode) {
                StringBuilder joined = new StringBuilder(value);
                while (next instanceof TextNode following) {
                    joined.append(following.getWholeText());
                    joinedTexts++;
                    last = following;
                    next = following.nextSibling();
                }
                value = joined.toString();
            }
            // One scan for URLs over the whole text, not one per line: a URL never spans the whitespace
            // between lines, so the matches are the same, and most text has none.
            boolean linking = linkBareUrls && unlinkable == 0;
            BareUrls.@Nullable Match match = linking ? BareUrls.next(value, 0) : null;
            int newline = breakLines ? value.indexOf('\n') : -1;
            int length = value.length();
            int done = 0;
            while (newline >= 0) {
                int start = newline;
                while (start > done && Texts.isSpace(value.charAt(start - 1))) {
                    start--;
                }
                int end = Paragraphs.endOfSpace(value, newline);
                match = line(value, done, start, match);
                boolean edge = start == 0 && Paragraphs.startsAtEdge(first)
                        || end == length && Paragraphs.endsAtEdge(last);
                if (!edge && lineBreak != null && nesting.admits("br")) {
                    startTag(lineBreak, null, null);
                }
                done = end;
                newline = value.indexOf('\n', end);
            }
            line(value, done, length, match);
        }

        /**
         * Writes {@code value[from, to)}, a stretch without newlines to break, linking the bare URLs in it.
         *
         * @param match the first URL at or after {@code from}, or null if there is none or nothing is linked
         * @return the first URL at or after {@code to}, or null
         */
        private BareUrls.@Nullable Match line(String value, int from, int to, BareUrls.@Nullable Match match) {
            if (from < to) {
                preJustOpened = false;
            }
            int done = from;
            while (match != null && match.start() < to) {
                out.escaped(value, done, match.start(), false);
                // The same decisions as for an a element in the tree: the safelist, the nesting, the URL check.
                @Nullable String href = link != null && nesting.admits("a") ? url("a", "href", match.href()) : null;
                if (href == null || link == null) {
                    out.escaped(value, match.start(), match.end(), false);
                } else {
                    startTag(link, null, href);
                    out.escaped(value, match.start(), match.end(), false).append("</a>");
                }
                done = match.end();
                match = BareUrls.next(value, done);
            }
            out.escaped(value, done, to, false);
            return match;
        }

        /** Writes a start tag; {@code element} is null for a link or break this writer adds. */
        private void startTag(Rule rule, @Nullable Element element, @Nullable String href) {
            String tag = rule.tag();
            out.append('<').append(tag);
            if (element == null) {
                if (href != null) {
                    out.append(" href=\"").escaped(href, true).append('"');
                }
            } else if (element.attributesSize() > 0) {
                for (Attribute attribute : element.attributes()) {
                    String key = attribute.getKey();
                    if (rule.enforcedKeys().contains(key)) {
                        continue;
                    }
                    @Nullable String value;
                    if ("href".equals(key) && href != null) {
                        value = href;
                    } else if (UrlAttributes.isUrlKey(key)) {
                        value = url(tag, key, attribute.getValue());
                    } else {
                        value = rule.textKeys().contains(key) ? attribute.getValue() : null;
                    }
                    if (value == null) {
                        continue;
                    }
                    out.append(' ').append(key).append("=\"").escaped(value, true).append('"');
                }
            }
            out.append(rule.enforcedMarkup()).append('>');
            preJustOpened = rule.preformatted();
        }
    }
}
