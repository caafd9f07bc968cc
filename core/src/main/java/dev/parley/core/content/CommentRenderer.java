package dev.parley.core.content;

import dev.parley.core.content.internal.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parley's {@link ContentRenderer}: plain text or WordPress's comment subset of HTML in, safe and compact HTML
 * out.
 *
 * <p><b>Plain text</b> ({@link InputFormat#PLAIN_TEXT}): lines separated by a blank line are paragraphs
 * ({@code <p>}), other newlines are {@code <br>}, each line is stripped of surrounding whitespace, bare URLs
 * starting with {@code http://}, {@code https://} or {@code www.} are linked ({@code www.} ones to
 * {@code https://}), and everything else is text, escaped. Sentence punctuation after a URL ({@code . , : ; ! ?
 * ' *}) and a closing bracket the URL did not open stay outside the link. E-mail addresses are not linked.
 *
 * <p><b>HTML</b> ({@link InputFormat#HTML}): the elements {@code a} ({@code href}, {@code title}), {@code abbr}
 * and {@code acronym} ({@code title}), {@code b}, {@code blockquote} ({@code cite}), {@code cite}, {@code code},
 * {@code del} ({@code datetime}), {@code em}, {@code i}, {@code q} ({@code cite}), {@code s}, {@code strike},
 * {@code strong}, {@code p}, {@code br}, {@code pre}, {@code ul}, {@code ol} and {@code li} are kept with those
 * attributes only. Links keep {@code http}, {@code https} and {@code mailto} targets, citations {@code http}
 * and {@code https}; relative URLs and every other scheme, in any spelling, are dropped with the attribute.
 * Every link gets {@code rel="nofollow ugc"}, replacing any {@code rel} it had; {@code target}, {@code style},
 * {@code id}, {@code class} and event handlers never survive. Script, style, embedded content, form controls,
 * SVG and MathML are removed with their content; any other element is removed and its text kept. By default
 * newlines count as in WordPress: text between blocks becomes paragraphs split at blank lines, a newline inside
 * a paragraph or list item becomes {@code <br>}, {@code pre} is untouched; and bare URLs outside {@code a},
 * {@code pre} and {@code code} are linked as in plain text. Both can be switched off in the {@link Builder}.
 *
 * <p><b>Order and guarantees.</b> Input longer than {@link Builder#maxInputLength(int) the limit} is refused
 * before it is parsed. The sanitizer runs last and lays out the paragraphs, line breaks and bare-URL links
 * itself as it writes, putting each element it adds through the same safelist, nesting and URL checks as an
 * element of the tree, so nothing a transform adds escapes it. The output is deterministic and compact (no
 * indentation), never holds an element a browser's parser would move elsewhere, and is a fixed point:
 * rendering it again as HTML returns it unchanged.
 *
 * <p>Immutable and thread-safe.
 */
public final class CommentRenderer implements ContentRenderer {

    /** The default input limit, the engine's default comment length. */
    public static final int DEFAULT_MAX_INPUT_LENGTH = 65_535;
    /** The largest input limit a renderer accepts. */
    public static final int MAX_INPUT_LENGTH_LIMIT = 10_000_000;

    private static final CommentRenderer STANDARD = builder().build();

    private final int maxInputLength;
    private final boolean htmlParagraphs;
    private final boolean htmlLinks;
    private final Pipeline pipeline;

    private CommentRenderer(Builder builder) {
        this.maxInputLength = builder.maxInputLength;
        this.htmlParagraphs = builder.htmlParagraphs;
        this.htmlLinks = builder.htmlLinks;
        this.pipeline = new Pipeline(htmlParagraphs, htmlLinks);
    }

    /**
     * Returns the renderer with every default: a 65,535-character limit, paragraphs and links in HTML input.
     *
     * @return the shared default renderer
     */
    public static CommentRenderer standard() {
        return STANDARD;
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
     * Returns a builder holding this renderer's settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().maxInputLength(maxInputLength).htmlParagraphs(htmlParagraphs).htmlLinks(htmlLinks);
    }

    /**
     * Renders raw input as safe HTML, as described in the class documentation.
     *
     * @param raw the input as submitted
     * @param format how the input is written
     * @return sanitized HTML, empty if the input holds nothing to show
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code raw} is longer than {@link #maxInputLength()} characters
     */
    @Override
    public String render(String raw, InputFormat format) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(format, "format");
        if (raw.length() > maxInputLength) {
            throw new IllegalArgumentException(
                    "raw is " + raw.length() + " characters, more than maxInputLength " + maxInputLength);
        }
        return switch (format) {
            case PLAIN_TEXT -> pipeline.plainText(raw);
            case HTML -> pipeline.html(raw);
        };
    }

    /**
     * Returns the longest input, in {@code char}s, this renderer accepts.
     *
     * @return the limit
     */
    public int maxInputLength() {
        return maxInputLength;
    }

    /**
     * Returns whether newlines in HTML input make paragraphs and line breaks.
     *
     * @return true if they do
     */
    public boolean htmlParagraphs() {
        return htmlParagraphs;
    }

    /**
     * Returns whether bare URLs in HTML input become links.
     *
     * @return true if they do
     */
    public boolean htmlLinks() {
        return htmlLinks;
    }

    @Override
    public String toString() {
        return "CommentRenderer[maxInputLength=" + maxInputLength + ", htmlParagraphs=" + htmlParagraphs
                + ", htmlLinks=" + htmlLinks + "]";
    }

    /** Settings for a {@link CommentRenderer}. Mutable and not thread-safe; {@link #build()} validates. */
    public static final class Builder {
        private int maxInputLength = DEFAULT_MAX_INPUT_LENGTH;
        private boolean htmlParagraphs = true;
        private boolean htmlLinks = true;

        private Builder() {
        }

        /**
         * Sets the longest input accepted, in {@code char}s, 1 to {@value #MAX_INPUT_LENGTH_LIMIT}; default
         * {@value #DEFAULT_MAX_INPUT_LENGTH}. Longer input is refused before parsing.
         *
         * <p>This is the safety limit on rendering work: the work grows linearly with the input, whatever its
         * nesting (jsoup's parser stops nesting at 512 levels, the renderer keeps 64), but a raised limit
         * buys proportionally more of it per comment. Measured on a loaded 2-core machine, 100,000 nested
         * {@code div}s, {@code <b><i>} pairs, tables or blockquotes (0.5 to 1.5 MB) render in 0.3 to 2 s, about
         * 1 to 3 times jsoup's parse of the same input; at {@value #MAX_INPUT_LENGTH_LIMIT} characters of
         * such nesting, 7 to 23 s (the parse alone: 3 to 7 s).
         *
         * @param maxInputLength the limit
         * @return this builder
         */
        public Builder maxInputLength(int maxInputLength) {
            this.maxInputLength = maxInputLength;
            return this;
        }

        /**
         * Sets whether newlines in HTML input make paragraphs and line breaks, as WordPress does; default true.
         *
         * @param htmlParagraphs true to apply them
         * @return this builder
         */
        public Builder htmlParagraphs(boolean htmlParagraphs) {
            this.htmlParagraphs = htmlParagraphs;
            return this;
        }

        /**
         * Sets whether bare URLs in HTML input become links, as in plain text; default true.
         *
         * @param htmlLinks true to link them
         * @return this builder
         */
        public Builder htmlLinks(boolean htmlLinks) {
            this.htmlLinks = htmlLinks;
            return this;
        }

        /**
         * Builds the renderer.
         *
         * @return the renderer
         * @throws IllegalArgumentException naming every setting out of range
         */
        public CommentRenderer build() {
            List<String> problems = new ArrayList<>();
            if (maxInputLength < 1 || maxInputLength > MAX_INPUT_LENGTH_LIMIT) {
                problems.add("maxInputLength must be 1 to " + MAX_INPUT_LENGTH_LIMIT + ", was " + maxInputLength);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new CommentRenderer(this);
        }
    }
}
