package dev.parley.core.content.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

/**
 * The sanitizer: writes a tree as HTML, keeping only what the {@link ContentPolicy#safelist() safelist}
 * allows. It always runs last, after every transform that changes the tree; the layout that only adds
 * markup around and inside text (paragraphs, line breaks and bare-URL links) it applies itself as it writes
 * (see {@link #write(Element, int, boolean, boolean)}), each element it adds decided like one in the tree.
 *
 * <p>One pass over the tree straight into a string, instead of jsoup's {@code Cleaner} (which copies the
 * tree) followed by {@code html()}: the same decisions, a fraction of the work. The safelist decides every
 * tag and every attribute, its verdicts on the policy's tags and attributes read once at construction; a URL
 * attribute is checked by {@link UrlPolicy} against the schemes the safelist allows for it (read once by
 * {@link UrlAttributes}), and its cleaned value is the one written; the safelist's enforced attributes
 * ({@code rel="nofollow ugc"}) replace any the input had. Disallowed elements, and links without an allowed
 * target, are unwrapped, their text kept; comments and script or style data are never written; text and
 * attribute values are escaped; {@link Nesting} unwraps anything a browser would re-nest. The output is
 * compact (no indentation), and a newline that opens a {@code pre} is doubled so that the browser's parser,
 * which drops one, keeps the text intact.
 *
 * <p>Immutable and thread-safe: each call to {@link #write(Element)} has its own state.
 */
public final class SafeHtmlWriter {

    private final UrlAttributes urls;
    /** The policy's tags, each with what the safelist allows on it; a tag outside the policy has none. */
    private final Map<String, Rule> rules;
    private final @Nullable Rule link;
    private final @Nullable Rule lineBreak;
    private final @Nullable Rule paragraph;
    /** The schemes the safelist allows in a link's {@code href}, or null if it allows none. */
    private final @Nullable Set<String> linkSchemes;

    /**
     * What the writer needs to know about one of the policy's tags, read from the safelist once, with its
     * markup ready to copy. Immutable.
     */
    private static final class Rule {
        final String tag;
        /** Whether the safelist allows the tag. */
        final boolean allowed;
        /** The non-URL attributes the safelist allows on it. */
        final Set<String> textKeys;
        /** The attributes the safelist sets itself, which replace any the input had. */
        final Set<String> enforcedKeys;
        /** The start tag up to its attributes ({@code <a}), and from the enforced ones on ({@code  rel="...">}). */
        final String open;
        final String openEnd;
        /** The whole start tag of an element without attributes of its own, and the end tag. */
        final String bare;
        final String close;
        /** Whether bare URLs inside it stay text ({@code a}, {@code pre}, {@code code}). */
        final boolean unlinkable;
        /** Whether its text is written as it is ({@code pre}). */
        final boolean preformatted;
        /** Whether its prose is laid out in paragraphs ({@code blockquote}). */
        final boolean flow;
        /** Whether whitespace-only text directly in it is dropped ({@code ul}, {@code ol}). */
        final boolean list;

        Rule(String tag, boolean allowed, Set<String> textKeys, Set<String> enforcedKeys, String enforcedMarkup) {
            this.tag = tag;
            this.allowed = allowed;
            this.textKeys = textKeys;
            this.enforcedKeys = enforcedKeys;
            this.open = "<" + tag;
            this.openEnd = enforcedMarkup + ">";
            this.bare = open + openEnd;
            this.close = "</" + tag + ">";
            this.unlinkable = "a".equals(tag) || "pre".equals(tag) || "code".equals(tag);
            this.preformatted = "pre".equals(tag);
            this.flow = "blockquote".equals(tag);
            this.list = "ul".equals(tag) || "ol".equals(tag);
        }
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
                    markup.toString()));
        }
        this.rules = Map.copyOf(byTag);
        this.link = allowedRule("a");
        this.lineBreak = allowedRule("br");
        this.paragraph = allowedRule("p");
        this.linkSchemes = urls.schemes("a", "href");
    }

    private @Nullable Rule allowedRule(String tag) {
        Rule rule = rules.get(tag);
        return rule != null && rule.allowed ? rule : null;
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
        // Read from the attributes directly: Element.attribute makes an Attribute object for each call.
        Attributes attributes = anchor.attributes();
        if (linkSchemes == null || !attributes.hasKey("href")) {
            return null;
        }
        return UrlPolicy.clean(attributes.get("href"), linkSchemes);
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
        return write(root, 256, false, false);
    }

    /**
     * Writes the allowed content of {@code root}'s children, optionally linking bare URLs in its text as it
     * goes (outside {@code a}, {@code pre} and {@code code}, as {@link BareUrls} finds them). A link added this
     * way passes the same checks as a link in the tree: the safelist must allow {@code a} there, the target
     * must pass {@link UrlPolicy}, and the enforced attributes are added; a URL that fails stays text.
     * Adjacent text nodes are read as one text, so a URL split by an unwrapped element is still found.
     *
     * <p>With {@code paragraphs}, the writer also lays out prose as {@link Paragraphs} describes: in
     * {@code root} and in each {@code blockquote}, text and inline elements between blocks are written inside
     * {@code <p>}, split at blank lines, with whitespace and breaks at either end of a paragraph dropped;
     * whitespace-only text directly in a list is dropped; and elsewhere each whitespace run holding a newline
     * becomes {@code <br>}, or nothing at the edge of a block or next to a break. Each {@code p} and
     * {@code br} written this way is decided like one in the tree: only if the safelist and the nesting allow
     * it. No nodes are made and the tree is not changed. The tree must be one {@link TreeNormalizer} has
     * normalized, as the paragraphs are decided on the tree that is written.
     *
     * <p>The content of elements {@value #MAX_DEPTH} levels deep, which jsoup's parser never produces, is left
     * out: the writer recurses, and normalized trees stay far shallower.
     *
     * @param root the container (not written itself)
     * @param expectedLength a guess at the output length, such as the input length
     * @param linkBareUrls whether to link bare URLs in text
     * @param paragraphs whether to group prose into paragraphs and turn newlines outside {@code pre} into
     *     line breaks
     * @return the sanitized HTML
     */
    public String write(Element root, int expectedLength, boolean linkBareUrls, boolean paragraphs) {
        return write(root, expectedLength, linkBareUrls, paragraphs, new Steps());
    }

    /** Writes as {@link #write(Element, int, boolean, boolean)} does, counting the nodes visited in {@code steps}. */
    String write(Element root, int expectedLength, boolean linkBareUrls, boolean paragraphs, Steps steps) {
        Writing writing = new Writing(expectedLength + expectedLength / 8 + 64, linkBareUrls, paragraphs, false,
                steps);
        writing.children(root, paragraphs, false);
        String html = writing.out.toString();
        writing.out.release();
        return html;
    }

    /**
     * Writes a tree {@link TreeNormalizer} has not seen, as {@link #write(Element, int, boolean, boolean)}
     * would write it normalized, if normalizing would leave it as it is; most comments need nothing
     * normalized, and this spares them the pass. The writer gives up, returning null, at the first node the
     * normalizer would remove or unwrap: one that is neither text nor element, an element outside the policy
     * or one the safelist does not allow, one the nesting does not admit, or a link without an allowed
     * target. Up to that node, the writer's decisions are the normalizer's, so a tree it writes through is
     * one the normalizer leaves unchanged.
     *
     * @param root the container (not written itself)
     * @param expectedLength a guess at the output length, such as the input length
     * @param linkBareUrls whether to link bare URLs in text
     * @param paragraphs whether to group prose into paragraphs and turn newlines outside {@code pre} into
     *     line breaks
     * @return the sanitized HTML, or null if the tree must be normalized first
     */
    public @Nullable String writeIfNormal(Element root, int expectedLength, boolean linkBareUrls,
            boolean paragraphs) {
        return writeIfNormal(root, expectedLength, linkBareUrls, paragraphs, new Steps());
    }

    /**
     * Writes as {@link #writeIfNormal(Element, int, boolean, boolean)} does, counting the nodes visited in
     * {@code steps}.
     */
    @Nullable String writeIfNormal(Element root, int expectedLength, boolean linkBareUrls, boolean paragraphs,
            Steps steps) {
        Writing writing = new Writing(expectedLength + expectedLength / 8 + 64, linkBareUrls, paragraphs, true,
                steps);
        try {
            writing.children(root, paragraphs, false);
            return writing.out.toString();
        } catch (NotNormal notNormal) {
            return null;
        } finally {
            writing.out.release();
        }
    }

    /** Thrown, without a stack trace, when a strict write meets a node the normalizer would change. */
    private static final class NotNormal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotNormal INSTANCE = new NotNormal();

        private NotNormal() {
            super("the tree needs normalizing", null, false, false);
        }
    }

    /** How deep the writer descends; as deep as jsoup's parser builds trees by default. */
    static final int MAX_DEPTH = 512;

    /** The state of one write. Not thread-safe; recursive, to a depth of at most {@link #MAX_DEPTH}. */
    private final class Writing {
        private final HtmlOutput out;
        private final Nesting nesting = new Nesting();
        private final boolean linkBareUrls;
        private final boolean paragraphs;
        private final Run run = new Run();
        /** Whether to give up at a node the normalizer would change, rather than write around it. */
        private final boolean strict;
        private final Steps steps;
        private int depth;
        /** Open {@code pre} elements, written or not: their text is written as it is. */
        private int preformatted;
        private boolean preJustOpened;
        /** Open elements, written or not, in which text is never linked: {@code a}, {@code pre}, {@code code}. */
        private int unlinkable;
        /** Where the text nodes {@link #joinTexts} last read end. */
        private int joinedTo;
        /**
         * Whether the text being written lies directly in a list, where whitespace-only text is dropped: the
         * whitespace a bare-URL link leaves alone beside it goes too, so that the output renders to itself.
         */
        private boolean inList;
        /** The URL scanner of the text last searched; a run's paragraphs are parts of one text. */
        private BareUrls.@Nullable Scanner scanner;

        Writing(int capacity, boolean linkBareUrls, boolean paragraphs, boolean strict, Steps steps) {
            this.out = HtmlOutput.reusing(capacity);
            this.steps = steps;
            this.linkBareUrls = linkBareUrls;
            this.paragraphs = paragraphs;
            this.strict = strict;
        }

        /**
         * Writes the children of {@code parent}: as paragraphs if it is a flow container, skipping
         * whitespace-only text if it is a list being laid out.
         */
        void children(Element parent, boolean flow, boolean list) {
            if (flow) {
                flow(parent);
                return;
            }
            int count = parent.childNodeSize();
            int i = 0;
            while (i < count) {
                Node child = parent.childNode(i);
                steps.add(1);
                if (child instanceof TextNode text) {
                    i = text(parent, text, i, count, list);
                } else {
                    if (child instanceof Element element) {
                        element(element);
                    } else if (strict) {
                        throw NotNormal.INSTANCE;
                    }
                    i++;
                }
            }
        }

        private void element(Element element) {
            @Nullable Rule rule = rules.get(element.normalName());
            boolean write = false;
            @Nullable String href = null;
            if (rule != null) {
                if (rule.unlinkable) {
                    unlinkable++;
                }
                if (rule.preformatted) {
                    preformatted++;
                }
                write = rule.allowed && nesting.admits(rule.tag);
                if (write && rule == link) {
                    href = target(element);
                    write = href != null;
                }
            }
            if (strict && !write) {
                throw NotNormal.INSTANCE;
            }
            if (write) {
                nesting.push(rule.tag);
                startTag(rule, element, href);
            }
            if (strict && depth >= MAX_DEPTH) {
                throw NotNormal.INSTANCE;
            }
            if (element.childNodeSize() > 0 && depth < MAX_DEPTH) {
                boolean layout = paragraphs && preformatted == 0 && rule != null;
                depth++;
                children(element, layout && rule.flow, layout && rule.list);
                depth--;
            }
            if (rule != null) {
                if (rule.unlinkable) {
                    unlinkable--;
                }
                if (rule.preformatted) {
                    preformatted--;
                }
            }
            if (write) {
                nesting.pop();
                preJustOpened = false;
                if (rule != lineBreak) {
                    out.append(rule.close);
                }
            }
        }

        /**
         * Writes the text node at {@code index} of {@code parent} and the text nodes right after it as one text.
         *
         * @return the index of the first child not written
         */
        private int text(Element parent, TextNode first, int index, int count, boolean list) {
            if (list && first.isBlank()) {
                return index + 1;
            }
            if (preformatted > 0 || !paragraphs && !(linkBareUrls && unlinkable == 0)) {
                String value = Texts.withoutDropped(first.getWholeText());
                if (preJustOpened && !value.isEmpty() && value.charAt(0) == '\n') {
                    out.append('\n');
                }
                if (!value.isEmpty()) {
                    preJustOpened = false;
                }
                out.escaped(value, false);
                return index + 1;
            }
            String value = joinTexts(parent, index, count, list);
            int next = joinedTo;
            if (list && Texts.isSpaces(value)) {
                // Blank once the dropped characters are gone, as the next rendering reads it.
                return next;
            }
            int before = index - 1;
            while (list && before >= 0 && parent.childNode(before) instanceof TextNode blank && blank.isBlank()) {
                before--;
            }
            inList = list;
            prose(value, 0, value.length(), before < 0 ? null : parent.childNode(before),
                    next < count ? parent.childNode(next) : null, parent);
            inList = false;
            return next;
        }

        /**
         * Returns the text of the text node at {@code index} of {@code parent} and of the text nodes right
         * after it, before {@code end}, read as one text; with {@code skipBlank}, whitespace-only ones after the
         * first are left out, as a list drops them. Sets {@link #joinedTo} to the index after the last.
         */
        private String joinTexts(Element parent, int index, int end, boolean skipBlank) {
            String value = ((TextNode) parent.childNode(index)).getWholeText();
            @Nullable StringBuilder joined = null;
            int next = index + 1;
            while (next < end && parent.childNode(next) instanceof TextNode following) {
                if (!(skipBlank && following.isBlank())) {
                    if (joined == null) {
                        joined = new StringBuilder(value);
                    }
                    joined.append(following.getWholeText());
                }
                next++;
            }
            joinedTo = next;
            return Texts.withoutDropped(joined == null ? value : joined.toString());
        }

        /** Writes the children of {@code root} or of a {@code blockquote}: blocks as they are, prose in paragraphs. */
        private void flow(Element container) {
            int count = container.childNodeSize();
            int start = 0;
            for (int i = 0; i < count; i++) {
                steps.add(1);
                if (container.childNode(i) instanceof Element element && Paragraphs.holdsBlock(element, steps)) {
                    if (start < i) {
                        paragraphs(container, start, i);
                    }
                    element(element);
                    start = i + 1;
                }
            }
            if (start < count) {
                paragraphs(container, start, count);
            }
        }

        /** Writes the children {@code [from, to)} of a flow container, none of them holding a block, as paragraphs. */
        private void paragraphs(Element container, int from, int to) {
            run.clear();
            for (int i = from; i < to; i++) {
                Node node = container.childNode(i);
                steps.add(1);
                if (node instanceof TextNode) {
                    String value = joinTexts(container, i, to, false);
                    i = joinedTo - 1;
                    int segment = 0;
                    for (int blank = Paragraphs.blankLine(value, 0); blank >= 0;
                            blank = Paragraphs.blankLine(value, segment)) {
                        run.addText(value, segment, blank);
                        run.addParagraphEnd();
                        segment = Paragraphs.endOfSpace(value, blank);
                    }
                    run.addText(value, segment, value.length());
                } else if (node instanceof Element element) {
                    run.addElement(element);
                } else if (strict) {
                    throw NotNormal.INSTANCE;
                }
            }
            int first = 0;
            for (int i = 0; i <= run.size; i++) {
                if (i == run.size || run.isParagraphEnd(i)) {
                    paragraph(first, i);
                    first = i + 1;
                }
            }
        }

        /** Writes the run's items {@code [first, end)} as one paragraph, less whitespace and breaks at its ends. */
        private void paragraph(int first, int end) {
            while (first < end && run.trimStart(first)) {
                first++;
            }
            while (end > first && run.trimEnd(end - 1)) {
                end--;
            }
            if (first == end) {
                return;
            }
            boolean write = paragraph != null && nesting.admits("p");
            if (write) {
                nesting.push("p");
                startTag(paragraph, null, null);
            }
            for (int i = first; i < end; i++) {
                @Nullable Element element = run.elements[i];
                if (element != null) {
                    element(element);
                } else {
                    String value = run.texts[i];
                    prose(value, run.starts[i], run.ends[i], i > first ? run.elements[i - 1] : null,
                            i + 1 < end ? run.elements[i + 1] : null, null);
                }
            }
            if (write) {
                nesting.pop();
                out.append(paragraph.close);
            }
        }

        /**
         * Writes {@code value[from, to)}, breaking its lines and linking its URLs as configured. A newline run at
         * {@code from} or at {@code to} is at an edge if {@link Paragraphs#atEdge} says so of {@code before} or {@code after}.
         *
         * @param before the node before the text, or null at the start of {@code parent}
         * @param after the node after the text, or null at the end of {@code parent}
         * @param parent the element holding the text, or null for a paragraph this writer opened
         */
        private void prose(String value, int from, int to, @Nullable Node before, @Nullable Node after,
                @Nullable Element parent) {
            // Text shorter than the shortest URL is not searched, nor its search remembered.
            BareUrls.@Nullable Scanner urls = linkBareUrls && unlinkable == 0 && to - from >= BareUrls.SHORTEST
                    ? scanner(value) : null;
            BareUrls.@Nullable Match match = urls == null ? null : urls.next(from);
            int newline = paragraphs ? value.indexOf('\n', from) : -1;
            int done = from;
            while (newline >= 0 && newline < to) {
                int start = newline;
                while (start > done && Texts.isSpace(value.charAt(start - 1))) {
                    start--;
                }
                int end = Math.min(Paragraphs.endOfSpace(value, newline), to);
                match = line(urls, value, done, start, match);
                boolean edge = start == from && Paragraphs.atEdge(before, parent, steps)
                        || end == to && Paragraphs.atEdge(after, parent, steps);
                if (!edge && lineBreak != null && nesting.admits("br")) {
                    startTag(lineBreak, null, null);
                }
                done = end;
                newline = value.indexOf('\n', end);
            }
            line(urls, value, done, to, match);
        }

        /**
         * The scanner for {@code value}: the one in use if it scans the same text, as the paragraphs of a run
         * do, so that a run of many paragraphs is searched once, not once per paragraph.
         */
        private BareUrls.Scanner scanner(String value) {
            BareUrls.@Nullable Scanner current = scanner;
            if (current == null || current.text() != value) {
                current = new BareUrls.Scanner(value);
                scanner = current;
            }
            return current;
        }

        /**
         * Writes {@code value[from, to)}, a stretch without newlines to break, linking the bare URLs in it.
         *
         * @param urls the scanner of {@code value}, or null if nothing is linked here
         * @param match the first URL at or after {@code from}, or null if there is none or nothing is linked
         * @return the first URL at or after {@code to}, or null
         */
        private BareUrls.@Nullable Match line(BareUrls.@Nullable Scanner urls, String value, int from, int to,
                BareUrls.@Nullable Match match) {
            if (from < to) {
                preJustOpened = false;
            }
            int done = from;
            while (match != null && match.start() < to) {
                listText(value, done, match.start());
                // The same decisions as for an a element in the tree: the safelist, the nesting, the URL check.
                @Nullable String href = link != null && linkSchemes != null && nesting.admits("a")
                        ? UrlPolicy.clean(match.href(), linkSchemes) : null;
                if (href == null || link == null) {
                    out.escaped(value, match.start(), match.end(), false);
                } else {
                    startTag(link, null, href);
                    out.escaped(value, match.start(), match.end(), false).append(link.close);
                }
                done = match.end();
                match = urls == null ? null : urls.next(done);
            }
            if (done == from) {
                out.escaped(value, from, to, false);
            } else {
                listText(value, done, to);
            }
            return match;
        }

        /** Writes {@code value[from, to)}, text beside a link, unless it is whitespace-only directly in a list. */
        private void listText(String value, int from, int to) {
            if (inList) {
                int i = from;
                while (i < to && Texts.isSpace(value.charAt(i))) {
                    i++;
                }
                if (i == to) {
                    return;
                }
            }
            out.escaped(value, from, to, false);
        }

        /** Writes a start tag; {@code element} is null for a link or break this writer adds. */
        private void startTag(Rule rule, @Nullable Element element, @Nullable String href) {
            preJustOpened = rule.preformatted;
            if (element == null ? href == null : element.attributesSize() == 0) {
                out.append(rule.bare);
                return;
            }
            out.append(rule.open);
            if (element == null) {
                out.append(" href=\"").escaped(href, true).append('"');
            } else {
                for (Attribute attribute : element.attributes()) {
                    String key = attribute.getKey();
                    if (rule.enforcedKeys.contains(key)) {
                        continue;
                    }
                    @Nullable String value;
                    if ("href".equals(key) && href != null) {
                        value = href;
                    } else if (UrlAttributes.isUrlKey(key)) {
                        value = url(rule.tag, key, attribute.getValue());
                    } else {
                        value = rule.textKeys.contains(key) ? attribute.getValue() : null;
                    }
                    if (value == null) {
                        continue;
                    }
                    out.append(' ').append(key).append("=\"").escaped(value, true).append('"');
                }
            }
            out.append(rule.openEnd);
        }
    }

    /**
     * The items of one run of prose in a flow container, in order: elements, stretches of text, and the
     * paragraph ends found at blank lines. Reused from run to run; runs never nest, as no element in a run
     * holds a block. Not thread-safe.
     */
    private static final class Run {
        private static final int PARAGRAPH_END = -1;

        int size;
        @Nullable Element[] elements = new Element[16];
        String[] texts = new String[16];
        int[] starts = new int[16];
        int[] ends = new int[16];

        void clear() {
            Arrays.fill(elements, 0, size, null);
            Arrays.fill(texts, 0, size, null);
            size = 0;
        }

        void addElement(Element element) {
            grow();
            elements[size++] = element;
        }

        /** Adds {@code text[start, end)}, unless it is empty. */
        void addText(String text, int start, int end) {
            if (start < end) {
                grow();
                texts[size] = text;
                starts[size] = start;
                ends[size++] = end;
            }
        }

        void addParagraphEnd() {
            grow();
            starts[size] = PARAGRAPH_END;
            ends[size++] = PARAGRAPH_END;
        }

        boolean isParagraphEnd(int item) {
            return elements[item] == null && starts[item] == PARAGRAPH_END;
        }

        /**
         * Drops leading whitespace from the item, if it is text.
         *
         * @return true if the item is whitespace or a line break, and goes entirely
         */
        boolean trimStart(int item) {
            @Nullable Element element = elements[item];
            if (element != null) {
                return "br".equals(element.normalName());
            }
            starts[item] = Math.min(Paragraphs.endOfSpace(texts[item], starts[item]), ends[item]);
            return starts[item] == ends[item];
        }

        /**
         * Drops trailing whitespace from the item, if it is text.
         *
         * @return true if the item is whitespace or a line break, and goes entirely
         */
        boolean trimEnd(int item) {
            @Nullable Element element = elements[item];
            if (element != null) {
                return "br".equals(element.normalName());
            }
            String text = texts[item];
            int end = ends[item];
            while (end > starts[item] && Texts.isSpace(text.charAt(end - 1))) {
                end--;
            }
            ends[item] = end;
            return end == starts[item];
        }

        private void grow() {
            if (size == elements.length) {
                int capacity = size * 2;
                elements = Arrays.copyOf(elements, capacity);
                texts = Arrays.copyOf(texts, capacity);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
            }
        }
    }
}
