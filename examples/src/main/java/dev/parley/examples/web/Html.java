package dev.parley.examples.web;

import java.util.Objects;

/**
 * A small HTML writer for the demo's server-rendered pages.
 *
 * <p>Every piece of text goes through {@link #text(String)} or {@link #attr(String, String)}, which escape it;
 * only {@link #raw(String)} writes markup as is, and it is used for fixed markup and for the html the engine
 * sanitized. That split is what keeps author names, URLs and linkback titles from becoming markup.
 *
 * <p>Not thread-safe: one instance per response.
 */
public final class Html {

    private final StringBuilder out = new StringBuilder(8192);

    /** Creates an empty writer. */
    public Html() {
    }

    /**
     * Appends fixed markup or already-sanitized html unchanged.
     *
     * @param markup trusted markup
     * @return this writer
     */
    public Html raw(String markup) {
        out.append(Objects.requireNonNull(markup, "markup"));
        return this;
    }

    /**
     * Appends text, escaped for element content.
     *
     * @param text untrusted text
     * @return this writer
     */
    public Html text(String text) {
        out.append(escape(Objects.requireNonNull(text, "text")));
        return this;
    }

    /**
     * Appends {@code  name="value"} with the value escaped for a double-quoted attribute.
     *
     * @param name a fixed attribute name
     * @param value untrusted value
     * @return this writer
     */
    public Html attr(String name, String value) {
        out.append(' ').append(Objects.requireNonNull(name, "name")).append("=\"")
                .append(escape(Objects.requireNonNull(value, "value"))).append('"');
        return this;
    }

    /**
     * Escapes text for element content and double- or single-quoted attributes, with core's helper.
     *
     * @param text untrusted text
     * @return the escaped text
     */
    public static String escape(String text) {
        return dev.parley.core.content.Html.escape(text);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
