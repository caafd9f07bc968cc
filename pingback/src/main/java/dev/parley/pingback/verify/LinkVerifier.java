package dev.parley.pingback.verify;

import dev.parley.pingback.Fault;
import dev.parley.pingback.VerifiedLinkback;
import dev.parley.pingback.fetch.SafeFetcher;
import dev.parley.pingback.fetch.internal.UrlRules;
import dev.parley.pingback.verify.internal.SourceReader;
import dev.parley.pingback.verify.internal.PageAnalyzer;
import dev.parley.pingback.verify.internal.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a source page links to a target URL, and extracts the page's title, the excerpt around the
 * link, its author and its post type. Usable on its own, without a receiver or a servlet container.
 *
 * <h2>Verification rules</h2>
 * The page links to the target if and only if one of these, resolved against the page base, equals the
 * target: the {@code href} of an {@code a}, {@code area} or {@code link} element, or the {@code src} of an
 * {@code img}, {@code video}, {@code audio}, {@code source} or {@code iframe} element. The page base is the
 * first {@code <base href>} when it resolves to an http(s) URL, else the page URL (the final URL after
 * redirects). Attribute values are read with entities decoded, as a browser does. Equality is exact after
 * canonicalisation: scheme and host case, default port, dot segments and the fragment do not matter; any
 * other difference does ({@code /post} is not {@code /post/}, nor {@code /post?utm_source=x}). Text,
 * comments, scripts, styles, {@code textarea}, {@code title}, templates and other attributes never count.
 * A {@code text/plain} source links to the target when a whitespace-delimited http(s) URL in it equals the
 * target by the same rules (never a substring).
 *
 * <h2>Fetching</h2>
 * {@link #verifySource(String, String)} fetches through the {@link SafeFetcher} given to the builder, so every
 * SSRF protection and cap of that fetcher applies; without one it is not available.
 *
 * <p>Immutable and thread-safe: one instance serves any number of threads.
 */
public final class LinkVerifier {

    /** The default characters of context on each side of the link in an excerpt. */
    public static final int DEFAULT_EXCERPT_CONTEXT = 120;

    private final PageAnalyzer analyzer;
    private final SourceReader reader;
    private final int excerptContext;
    private final @Nullable SafeFetcher fetcher;

    private LinkVerifier(Builder builder) {
        this.excerptContext = builder.excerptContext;
        this.fetcher = builder.fetcher;
        this.analyzer = new PageAnalyzer(excerptContext);
        this.reader = new SourceReader(analyzer);
    }

    /**
     * Returns a builder with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a page the caller already has.
     *
     * @param html the page's markup; its size is the caller's to bound
     * @param pageUrl the URL the page was served from, after redirects: the base for relative links
     * @param target the URL the page should link to
     * @return what the page says about the target
     * @throws NullPointerException naming the argument, if one is null
     * @throws IllegalArgumentException naming the argument, if {@code pageUrl} or {@code target} is not an
     *     absolute http(s) URL without user-info
     */
    public SourceReport verifyHtml(String html, String pageUrl, String target) {
        Objects.requireNonNull(html, "html must not be null");
        String page = canonical(pageUrl, "pageUrl");
        String canonicalTarget = canonical(target, "target");
        return analyzer.analyze(html, page, canonicalTarget);
    }

    /**
     * Fetches a source page safely and verifies it.
     *
     * @param sourceUrl the page that claims to link to the target
     * @param target the URL it should link to
     * @return the fetched page's report, or why the source is unavailable; a source URL that is not an
     *     absolute http(s) URL without user-info is {@link SourceVerification.Unavailable}, not an exception
     * @throws NullPointerException naming the argument, if one is null
     * @throws IllegalArgumentException if {@code target} is not an absolute http(s) URL without user-info
     * @throws IllegalStateException if this verifier was built without a fetcher
     */
    public SourceVerification verifySource(String sourceUrl, String target) {
        Objects.requireNonNull(sourceUrl, "sourceUrl must not be null");
        String canonicalTarget = canonical(target, "target");
        SafeFetcher f = fetcher;
        if (f == null) {
            throw new IllegalStateException("verifySource needs a fetcher: set one with builder().fetcher(...)");
        }
        String source = UrlRules.problem(sourceUrl, VerifiedLinkback.MAX_URL_LENGTH) == null
                ? Urls.canonical(sourceUrl) : null;
        if (source == null) {
            return new SourceVerification.Unavailable(Fault.SOURCE_NOT_FOUND,
                    "source must be an absolute http or https URL without user-info, backslashes, spaces or"
                            + " control characters", null);
        }
        return reader.read(f, source, canonicalTarget);
    }

    /**
     * Returns whether this verifier can fetch sources ({@link #verifySource(String, String)}).
     *
     * @return true if it was built with a fetcher
     */
    public boolean canFetch() {
        return fetcher != null;
    }

    /**
     * Returns the characters of context kept on each side of the link in an excerpt.
     *
     * @return the context length
     */
    public int excerptContext() {
        return excerptContext;
    }

    private static String canonical(String url, String name) {
        Objects.requireNonNull(url, () -> name + " must not be null");
        String canonical = UrlRules.problem(url, VerifiedLinkback.MAX_URL_LENGTH) == null ? Urls.canonical(url) : null;
        if (canonical == null) {
            throw new IllegalArgumentException(name + " must be an absolute http or https URL without user-info,"
                    + " backslashes, spaces or control characters, at most " + VerifiedLinkback.MAX_URL_LENGTH
                    + " characters");
        }
        return canonical;
    }

    /**
     * Configures a {@link LinkVerifier}. Not thread-safe; {@link #build()} validates everything at once.
     */
    public static final class Builder {

        private int excerptContext = DEFAULT_EXCERPT_CONTEXT;
        private @Nullable SafeFetcher fetcher;

        private Builder() {
        }

        /**
         * Sets the fetcher {@link LinkVerifier#verifySource(String, String)} reads sources with. Without one,
         * only {@link LinkVerifier#verifyHtml(String, String, String)} is available.
         *
         * @param fetcher the fetcher, whose address policy and caps apply to every source
         * @return this builder
         * @throws NullPointerException if {@code fetcher} is null
         */
        public Builder fetcher(SafeFetcher fetcher) {
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher must not be null");
            return this;
        }

        /**
         * Sets the characters of context kept on each side of the link in an excerpt.
         *
         * @param characters 0 to 140; default {@value LinkVerifier#DEFAULT_EXCERPT_CONTEXT}
         * @return this builder
         */
        public Builder excerptContext(int characters) {
            this.excerptContext = characters;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalArgumentException naming every invalid setting
         */
        public LinkVerifier build() {
            List<String> problems = new ArrayList<>();
            if (excerptContext < 0 || excerptContext > 140) {
                problems.add("excerptContext must be 0 to 140, was " + excerptContext);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new LinkVerifier(this);
        }
    }
}
