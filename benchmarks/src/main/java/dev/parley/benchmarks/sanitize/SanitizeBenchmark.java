package dev.parley.benchmarks.sanitize;

import dev.parley.core.content.CommentRenderer;
import dev.parley.core.content.InputFormat;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Throughput of sanitizing one typical 2 KB comment written in HTML (paragraphs from blank lines, two links,
 * emphasis, a blockquote, a code span, entities).
 *
 * <ul>
 *   <li>{@code parley}: {@link CommentRenderer#standard()} in HTML mode, the whole render: parse, paragraphs,
 *       bare-URL linking, and the sanitizing writer.</li>
 *   <li>{@code owasp}: the peer, the OWASP Java HTML Sanitizer with
 *       {@code Sanitizers.FORMATTING.and(Sanitizers.LINKS).and(Sanitizers.BLOCKS)}; it only sanitizes (no
 *       paragraphs, no linking), so the comparison favours it.</li>
 *   <li>{@code jsoupCleaner}: for reference, jsoup's own {@code Cleaner} with a safelist like Parley's followed
 *       by compact {@code html()}, which is what Parley's single-pass writer replaces.</li>
 *   <li>{@code jsoupParseOnly}: the floor under any jsoup-based sanitizer, {@code Jsoup.parseBodyFragment}
 *       alone, with nothing cleaned or written.</li>
 * </ul>
 *
 * <p>The target is {@code parley / owasp >= 1.0} in throughput; {@code jsoupParseOnly / owasp} is the most a
 * sanitizer built on jsoup's parser could reach. {@link SanitizeRatio} measures the same peers interleaved,
 * for a machine whose load drifts between JMH's benchmarks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SanitizeBenchmark {

    /** A comment as a reader of a technical blog might write it: about 2 KB. */
    static final String COMMENT = """
            Great write-up, thanks! I've been bitten by exactly this &mdash; twice &mdash; and your explanation \
            of <em>why</em> the parser behaves that way finally made it click.

            <blockquote cite="https://example.com/posts/parsers">The tree builder never looks back more than \
            one token, except when it has to.</blockquote>

            That "except" is doing a <strong>lot</strong> of work. Once you deal with error recovery you need \
            the stack of open elements &amp; the list of active formatting elements, and both are exactly \
            "looking back". The <a href="https://html.spec.whatwg.org/multipage/parsing.html">WHATWG parsing \
            spec</a> spends pages on it; the adoption agency algorithm alone is a small novel.

            A tiny example: <code>&lt;b&gt;&lt;p&gt;x&lt;/b&gt;y</code> ends up as <i>two</i> b elements, \
            one inside the paragraph and one around nothing. I wrote it up with diagrams here: \
            <a href="https://blog.example.org/2025/adoption-agency?ref=comments&amp;lang=en" \
            title="The adoption agency, with pictures">the adoption agency, step by step</a>.

            Two small nits, if you are collecting them:
            the second diagram's arrows point the wrong way, and &ldquo;tokenizer&rdquo; is misspelled in the \
            third heading. Also 2 &lt; 3 in the table in section 4 reads as 2 &gt; 3 on my phone, which \
            might be a font thing rather than a typo.

            Looking forward to part two &hellip; especially the bit about streaming. If the tokenizer can \
            pause mid-attribute, how does the tree builder know a <code>&lt;script&gt;</code> ended? My guess \
            is a state flag per insertion mode, but I would love to be wrong in an interesting way. (And yes, \
            I did read the <abbr title="Frequently Asked Questions">FAQ</abbr> first.)

            Cheers,
            Maria &#8212; who spent far too long debugging a parser last winter, and still has opinions about \
            it. If you ever want a second pair of eyes on a draft, just ask; my address is on my site at \
            https://maria.example.net/about. Thanks again for writing this up so carefully!
            """;

    private CommentRenderer parley;
    private PolicyFactory owasp;
    private Cleaner jsoup;

    /** Builds the three sanitizers once; each is immutable and reused, as a server would. */
    @Setup
    public void setUp() {
        parley = CommentRenderer.standard();
        owasp = Sanitizers.FORMATTING.and(Sanitizers.LINKS).and(Sanitizers.BLOCKS);
        jsoup = new Cleaner(new Safelist()
                .addTags("a", "abbr", "acronym", "b", "blockquote", "cite", "code", "del", "em", "i", "q", "s",
                        "strike", "strong", "p", "br", "pre", "ul", "ol", "li")
                .addAttributes("a", "href", "title")
                .addAttributes("blockquote", "cite")
                .addAttributes("q", "cite")
                .addProtocols("a", "href", "http", "https", "mailto")
                .addProtocols("blockquote", "cite", "http", "https")
                .addProtocols("q", "cite", "http", "https")
                .addEnforcedAttribute("a", "rel", "nofollow ugc"));
    }

    /**
     * Parley's renderer in HTML mode.
     *
     * @return the rendered HTML
     */
    @Benchmark
    public String parley() {
        return parley.render(COMMENT, InputFormat.HTML);
    }

    /**
     * The OWASP Java HTML Sanitizer, FORMATTING + LINKS + BLOCKS.
     *
     * @return the sanitized HTML
     */
    @Benchmark
    public String owasp() {
        return owasp.sanitize(COMMENT);
    }

    /**
     * jsoup's parser alone: the floor.
     *
     * @return the parsed body, so the work is not eliminated
     */
    @Benchmark
    public Object jsoupParseOnly() {
        return Jsoup.parseBodyFragment(COMMENT).body();
    }

    /**
     * jsoup's Cleaner and compact serialization, for reference.
     *
     * @return the cleaned HTML
     */
    @Benchmark
    public String jsoupCleaner() {
        Document clean = jsoup.clean(Jsoup.parseBodyFragment(COMMENT));
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
