package dev.parley.pingback.webmention;

import dev.parley.pingback.Fault;
import dev.parley.pingback.trackback.internal.FormBody;
import dev.parley.pingback.trackback.internal.FormPost;
import dev.parley.pingback.trackback.internal.HttpUrls;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses a Webmention request (W3C Recommendation, section 3.2): an HTTP POST of an
 * {@code application/x-www-form-urlencoded} body with {@code source} and {@code target}.
 *
 * <p>Each refusal is a {@link WebmentionParse.Refused} with {@link Fault#GENERIC}, answered with 400 Bad
 * Request and the reason, never an exception:
 * <ul>
 *   <li>the method must be {@code POST} and the Content-Type a form (its {@code charset} parameter, UTF-8 when
 *       absent, decodes the fields; a field whose bytes, raw or percent-encoded, are not valid in that charset,
 *       such as {@code %C3%28} in UTF-8, is refused rather than patched with U+FFFD);</li>
 *   <li>the body is at most {@link Builder#maxBodyBytes(int) maxBodyBytes} (default 16 KiB);</li>
 *   <li>{@code source} and {@code target} are both required, trimmed, absolute http or https URLs with a host,
 *       at most {@link Builder#maxUrlLength(int) maxUrlLength} characters each (default 2048);</li>
 *   <li>they must name different documents: the specification says a receiver MUST reject a source equal to
 *       its target, and the comparison ignores case in scheme and host, default ports, dot segments and
 *       fragments, so {@code HTTP://Example.com:80/a/../b#x} equals {@code http://example.com/b};</li>
 *   <li>a field given twice is refused; unknown fields are ignored.</li>
 * </ul>
 *
 * <p>Whether the target is a resource of this site that accepts Webmentions is the receiving pipeline's check.
 * Immutable and thread-safe: build one and share it.
 */
public final class WebmentionParser {

    /** The default body cap, 16 KiB: two URLs fit many times over. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;

    /** The default cap on each URL, in characters. */
    public static final int DEFAULT_MAX_URL_LENGTH = 2048;

    private static final Set<String> FIELDS = Set.of("source", "target");
    private static final int MAX_CAP = 16 * 1024 * 1024;

    private final int maxBodyBytes;
    private final int maxUrlLength;

    private WebmentionParser(Builder builder) {
        this.maxBodyBytes = builder.maxBodyBytes;
        this.maxUrlLength = builder.maxUrlLength;
    }

    /**
     * Returns a parser with the default limits.
     *
     * @return a parser
     */
    public static WebmentionParser create() {
        return builder().build();
    }

    /**
     * Returns a builder with the default limits.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this parser's limits.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().maxBodyBytes(maxBodyBytes).maxUrlLength(maxUrlLength);
    }

    /**
     * Parses a request whose body is in memory.
     *
     * @param method the HTTP method, e.g. {@code POST}
     * @param contentType the Content-Type header value, or null when absent
     * @param body the body bytes
     * @return the Webmention or the refusal
     * @throws NullPointerException if {@code method} or {@code body} is null
     */
    public WebmentionParse parse(String method, @Nullable String contentType, byte[] body) {
        Objects.requireNonNull(method, "method must not be null");
        Objects.requireNonNull(body, "body must not be null");
        return toRequest(FormPost.decode("Webmention", method, contentType, body, maxBodyBytes, FIELDS));
    }

    /**
     * Reads and parses a request. The body is not read at all unless method and Content-Type are acceptable,
     * and never past the cap plus one byte; the stream is not closed.
     *
     * @param method the HTTP method, e.g. {@code POST}
     * @param contentType the Content-Type header value, or null when absent
     * @param body the body stream
     * @return the Webmention or the refusal; a failure to read the stream is a refusal too
     * @throws NullPointerException if {@code method} or {@code body} is null
     */
    public WebmentionParse parse(String method, @Nullable String contentType, InputStream body) {
        Objects.requireNonNull(method, "method must not be null");
        Objects.requireNonNull(body, "body must not be null");
        return toRequest(FormPost.read("Webmention", method, contentType, body, maxBodyBytes, FIELDS));
    }

    private WebmentionParse toRequest(FormBody.Decoded decoded) {
        if (decoded instanceof FormBody.Malformed malformed) {
            return new WebmentionParse.Refused(Fault.GENERIC, malformed.problem());
        }
        Map<String, String> fields = ((FormBody.Fields) decoded).fields();
        String source = fields.get("source");
        String target = fields.get("target");
        if (source == null || target == null) {
            return new WebmentionParse.Refused(Fault.GENERIC, source == null && target == null
                    ? "source and target are required"
                    : (source == null ? "source" : "target") + " is required");
        }
        source = source.strip();
        target = target.strip();
        String problem = HttpUrls.problem("source", source, maxUrlLength);
        if (problem == null) {
            problem = HttpUrls.problem("target", target, maxUrlLength);
        }
        if (problem != null) {
            return new WebmentionParse.Refused(Fault.GENERIC, problem);
        }
        if (HttpUrls.documentKey(source).equals(HttpUrls.documentKey(target))) {
            return new WebmentionParse.Refused(Fault.GENERIC, "source and target must be different URLs");
        }
        return new WebmentionParse.Parsed(new WebmentionRequest(source, target));
    }

    @Override
    public String toString() {
        return "WebmentionParser[maxBodyBytes=" + maxBodyBytes + ", maxUrlLength=" + maxUrlLength + "]";
    }

    /**
     * Collects the parser's limits. Not thread-safe; {@link #build()} checks every limit at once.
     */
    public static final class Builder {
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxUrlLength = DEFAULT_MAX_URL_LENGTH;

        private Builder() {
        }

        /**
         * Sets the body cap (default {@value WebmentionParser#DEFAULT_MAX_BODY_BYTES}).
         *
         * @param maxBodyBytes 1 to 16 MiB
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Sets the cap on each URL (default {@value WebmentionParser#DEFAULT_MAX_URL_LENGTH}); longer is refused.
         *
         * @param maxUrlLength at least 16 characters
         * @return this builder
         */
        public Builder maxUrlLength(int maxUrlLength) {
            this.maxUrlLength = maxUrlLength;
            return this;
        }

        /**
         * Builds the parser.
         *
         * @return the parser
         * @throws IllegalArgumentException naming every limit out of range
         */
        public WebmentionParser build() {
            List<String> problems = new ArrayList<>();
            if (maxBodyBytes < 1 || maxBodyBytes > MAX_CAP) {
                problems.add("maxBodyBytes must be 1.." + MAX_CAP + ", was " + maxBodyBytes);
            }
            if (maxUrlLength < 16 || maxUrlLength > MAX_CAP) {
                problems.add("maxUrlLength must be 16.." + MAX_CAP + ", was " + maxUrlLength);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new WebmentionParser(this);
        }
    }
}
