package dev.parley.core.content;

/**
 * Turns a comment's raw input into the HTML that is stored beside it and rendered.
 *
 * <p>Implementations transform first (paragraphs, linking) and sanitize last, so nothing a transform adds
 * escapes the sanitizer. Implementations are immutable and thread-safe.
 */
public interface ContentRenderer {

    /**
     * Renders raw input as safe HTML.
     *
     * @param raw the input as submitted
     * @param format how the input is written
     * @return sanitized HTML, possibly empty
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code raw} exceeds the renderer's input limit
     */
    String render(String raw, InputFormat format);
}
