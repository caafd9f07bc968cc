package dev.parley.pingback.trackback;

import dev.parley.pingback.Fault;
import dev.parley.pingback.trackback.internal.FormBody;
import dev.parley.pingback.trackback.internal.FormPost;
import dev.parley.pingback.trackback.internal.HttpUrls;
import dev.parley.pingback.verify.internal.PlainText;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses a TrackBack 1.2 ping: an HTTP POST of an {@code application/x-www-form-urlencoded} body with the
 * fields {@code url} (required), {@code title}, {@code excerpt} and {@code blog_name}.
 *
 * <p>Rules, each refusal a {@link TrackbackParse.Refused} with {@link Fault#GENERIC}, never an exception:
 * <ul>
 *   <li>the method must be {@code POST}: a GET (TrackBack 1.1 allowed one) records nothing;</li>
 *   <li>the Content-Type must be {@code application/x-www-form-urlencoded}; its {@code charset} parameter
 *       names the charset of the decoded bytes, UTF-8 when absent; a field whose bytes (raw or
 *       percent-encoded) are not valid in it is refused, never patched with U+FFFD;</li>
 *   <li>the body is at most {@link Builder#maxBodyBytes(int) maxBodyBytes} (default 64 KiB; a stream is
 *       read no further than that plus one byte);</li>
 *   <li>{@code url} is trimmed and must be an absolute http or https URL with a host, at most
 *       {@link Builder#maxUrlLength(int) maxUrlLength} characters;</li>
 *   <li>optional fields become plain text under the same contract as text extracted from pages: read as an
 *       HTML fragment (entities decoded once, tags and the contents of scripts and styles removed),
 *       whitespace collapsed, {@code <} and {@code >} replaced by {@code ‹} and {@code ›}, invisible controls
 *       dropped; blank ones become null, and long ones are cut at their cap (default 250 characters for title
 *       and blog name, 1000 for the excerpt) at a word boundary, ending with {@code …}, because senders
 *       routinely send whole posts (markup included) as excerpts and refusing them would lose real pings;</li>
 *   <li>a field given twice is refused; unknown fields are ignored.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe: build one and share it.
 */
public final class TrackbackParser {

    /** The default body cap, 64 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    /** The default cap on {@code url}, in characters. */
    public static final int DEFAULT_MAX_URL_LENGTH = 2048;

    /** The default cap on {@code title} and on {@code blog_name}, in characters. */
    public static final int DEFAULT_MAX_TITLE_LENGTH = 250;

    /** The default cap on {@code excerpt}, in characters. */
    public static final int DEFAULT_MAX_EXCERPT_LENGTH = 1000;

    private static final Set<String> FIELDS = Set.of("url", "title", "excerpt", "blog_name");
    private static final int MAX_CAP = 16 * 1024 * 1024;

    private final int maxBodyBytes;
    private final int maxUrlLength;
    private final int maxTitleLength;
    private final int maxExcerptLength;

    private TrackbackParser(Builder builder) {
        this.maxBodyBytes = builder.maxBodyBytes;
        this.maxUrlLength = builder.maxUrlLength;
        this.maxTitleLength = builder.maxTitleLength;
        this.maxExcerptLength = builder.maxExcerptLength;
    }

    /**
     * Returns a parser with the default limits.
     *
     * @return a parser
     */
    public static TrackbackParser create() {
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
        return new Builder().maxBodyBytes(maxBodyBytes).maxUrlLength(maxUrlLength)
                .maxTitleLength(maxTitleLength).maxExcerptLength(maxExcerptLength);
    }

    /**
     * Parses a request whose body is in memory.
     *
     * @param method the HTTP method, e.g. {@code POST}
     * @param contentType the Content-Type header value, or null when absent
     * @param body the body bytes
     * @return the ping or the refusal
     * @throws NullPointerException if {@code method} or {@code body} is null
     */
    public TrackbackParse parse(String method, @Nullable String contentType, byte[] body) {
        Objects.requireNonNull(method, "method must not be null");
        Objects.requireNonNull(body, "body must not be null");
        return toPing(FormPost.decode("TrackBack", method, contentType, body, maxBodyBytes, FIELDS));
    }

    /**
     * Reads and parses a request. The body is not read at all unless method and Content-Type are acceptable,
     * and never past the cap plus one byte; the stream is not closed.
     *
     * @param method the HTTP method, e.g. {@code POST}
     * @param contentType the Content-Type header value, or null when absent
     * @param body the body stream
     * @return the ping or the refusal; a failure to read the stream is a refusal too
     * @throws NullPointerException if {@code method} or {@code body} is null
     */
    public TrackbackParse parse(String method, @Nullable String contentType, InputStream body) {
        Objects.requireNonNull(method, "method must not be null");
        Objects.requireNonNull(body, "body must not be null");
        return toPing(FormPost.read("TrackBack", method, contentType, body, maxBodyBytes, FIELDS));
    }

    private TrackbackParse toPing(FormBody.Decoded decoded) {
        if (decoded instanceof FormBody.Malformed malformed) {
            return new TrackbackParse.Refused(Fault.GENERIC, malformed.problem());
        }
        Map<String, String> fields = ((FormBody.Fields) decoded).fields();
        String url = fields.get("url");
        if (url == null) {
            return new TrackbackParse.Refused(Fault.GENERIC, "the url field is required");
        }
        url = url.strip();
        String problem = HttpUrls.problem("url", url, maxUrlLength);
        if (problem != null) {
            return new TrackbackParse.Refused(Fault.GENERIC, problem);
        }
        return new TrackbackParse.Parsed(new TrackbackPing(url,
                optional(fields.get("title"), maxTitleLength),
                optional(fields.get("excerpt"), maxExcerptLength),
                optional(fields.get("blog_name"), maxTitleLength)));
    }

    private static @Nullable String optional(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String text = PlainText.ofMarkup(value, max);
        return text.isEmpty() ? null : text;
    }

    @Override
    public String toString() {
        return "TrackbackParser[maxBodyBytes=" + maxBodyBytes + ", maxUrlLength=" + maxUrlLength
                + ", maxTitleLength=" + maxTitleLength + ", maxExcerptLength=" + maxExcerptLength + "]";
    }

    /**
     * Collects the parser's limits. Not thread-safe; {@link #build()} checks every limit at once.
     */
    public static final class Builder {
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxUrlLength = DEFAULT_MAX_URL_LENGTH;
        private int maxTitleLength = DEFAULT_MAX_TITLE_LENGTH;
        private int maxExcerptLength = DEFAULT_MAX_EXCERPT_LENGTH;

        private Builder() {
        }

        /**
         * Sets the body cap (default {@value TrackbackParser#DEFAULT_MAX_BODY_BYTES}).
         *
         * @param maxBodyBytes 1 to 16 MiB
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Sets the cap on {@code url} (default {@value TrackbackParser#DEFAULT_MAX_URL_LENGTH}); longer is refused.
         *
         * @param maxUrlLength at least 16 characters
         * @return this builder
         */
        public Builder maxUrlLength(int maxUrlLength) {
            this.maxUrlLength = maxUrlLength;
            return this;
        }

        /**
         * Sets the cap on {@code title} and {@code blog_name} (default
         * {@value TrackbackParser#DEFAULT_MAX_TITLE_LENGTH}); longer values are cut.
         *
         * @param maxTitleLength at least 1 character
         * @return this builder
         */
        public Builder maxTitleLength(int maxTitleLength) {
            this.maxTitleLength = maxTitleLength;
            return this;
        }

        /**
         * Sets the cap on {@code excerpt} (default {@value TrackbackParser#DEFAULT_MAX_EXCERPT_LENGTH}); longer
         * values are cut.
         *
         * @param maxExcerptLength at least 1 character
         * @return this builder
         */
        public Builder maxExcerptLength(int maxExcerptLength) {
            this.maxExcerptLength = maxExcerptLength;
            return this;
        }

        /**
         * Builds the parser.
         *
         * @return the parser
         * @throws IllegalArgumentException naming every limit out of range
         */
        public TrackbackParser build() {
            List<String> problems = new ArrayList<>();
            if (maxBodyBytes < 1 || maxBodyBytes > MAX_CAP) {
                problems.add("maxBodyBytes must be 1.." + MAX_CAP + ", was " + maxBodyBytes);
            }
            if (maxUrlLength < 16 || maxUrlLength > MAX_CAP) {
                problems.add("maxUrlLength must be 16.." + MAX_CAP + ", was " + maxUrlLength);
            }
            if (maxTitleLength < 1 || maxTitleLength > MAX_CAP) {
                problems.add("maxTitleLength must be 1.." + MAX_CAP + ", was " + maxTitleLength);
            }
            if (maxExcerptLength < 1 || maxExcerptLength > MAX_CAP) {
                problems.add("maxExcerptLength must be 1.." + MAX_CAP + ", was " + maxExcerptLength);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new TrackbackParser(this);
        }
    }
}
