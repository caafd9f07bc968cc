package dev.parley.core.content;

import java.util.Objects;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * HTML helpers for values that are not comment bodies. Stateless and thread-safe.
 *
 * <p>A comment body is rendered once by a {@link ContentRenderer} and stored as HTML. Every other field a page
 * shows (author name and URL, a linkback's title and excerpt) is text, and is written with
 * {@link #escape(String)} wherever it is written.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes text for an HTML text or quoted attribute context: {@code &}, {@code <}, {@code >}, {@code "} and
     * {@code '} become {@code &amp;}, {@code &lt;}, {@code &gt;}, {@code &quot;} and {@code &#39;}; every other
     * character is kept. The result is safe between tags and inside an attribute value quoted with either
     * quote, never unquoted, and never inside a script, a style or a URL scheme position (check URLs with
     * {@link Links#httpUrl(String)} first).
     *
     * @param text the text
     * @return the escaped text
     * @throws NullPointerException if {@code text} is null
     */
    public static String escape(String text) {
        Objects.requireNonNull(text, "text");
        @Nullable StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            @Nullable String replacement = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(length + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Returns the text of an HTML fragment with the tags stripped: entities decoded, script and style content
     * left out, whitespace collapsed, and a space where a block or line break separated words. Use it to match
     * word lists against a comment as a reader sees it, not as it is marked up ({@code f<b></b>oo} reads
     * {@code foo}). Works on rendered HTML and on raw input alike.
     *
     * @param html an HTML fragment
     * @return its text, trimmed
     * @throws NullPointerException if {@code html} is null
     */
    public static String text(String html) {
        Objects.requireNonNull(html, "html");
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html.strip().replaceAll("\\s+", " ");
        }
        return Jsoup.parseBodyFragment(html).body().text();
    }
}
