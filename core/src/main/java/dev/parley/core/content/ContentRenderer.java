package dev.parley.core.content;

/**
 * Turns a comment's raw input into the HTML that is stored beside it and rendered.
 *
 * <p>Implementations transform first (paragraphs, linking) and sanitize last, so nothing a transform adds
 * escapes the sanitizer. Implementations are immutable and thread-safe.
 *
 * <p>{@link #standard()} is Parley's renderer with its defaults; {@link CommentRenderer#builder()} configures
 * one. The helpers the engine needs around rendering are {@link Html#escape(String)} for fields that are text,
 * {@link Html#text(String)} for matching words with the tags stripped, {@link Links#count(String)} for the
 * link-count rule and {@link Links#httpUrl(String)} for author URLs.
 */
public interface ContentRenderer {

    /**
     * Returns Parley's renderer with its defaults (see {@link CommentRenderer}): a 65,535-character input
     * limit, paragraphs and links in both formats.
     *
     * @return the shared default renderer
     */
    static ContentRenderer standard() {
        return CommentRenderer.standard();
    }

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
