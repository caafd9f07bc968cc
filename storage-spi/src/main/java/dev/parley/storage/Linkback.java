package dev.parley.storage;

/**
 * Where a linkback came from: the URL of the page that links to the thread, and that page's title.
 *
 * <p>A store keeps at most one comment per (thread, source URL); see
 * {@link CommentStore#findLinkback(ThreadKey, String)}. The excerpt of the source lives in the comment's
 * text and html like any other content.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sourceUrl the absolute URL of the linking page, 1 to {@value #MAX_SOURCE_URL_LENGTH} characters,
 *     compared exactly
 * @param title the linking page's title as plain text, 0 to {@value #MAX_TITLE_LENGTH} characters (empty
 *     when the page has none)
 */
public record Linkback(String sourceUrl, String title) {

    /** The longest source URL stored. */
    public static final int MAX_SOURCE_URL_LENGTH = 2048;
    /** The longest title stored. */
    public static final int MAX_TITLE_LENGTH = 512;

    /**
     * Checks both components.
     *
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException naming the component, if the URL is blank or either is too long
     */
    public Linkback {
        Check.noControlCharacters(Check.text(sourceUrl, "linkback source url", MAX_SOURCE_URL_LENGTH),
                "linkback source url");
        java.util.Objects.requireNonNull(title, "linkback title must not be null");
        Check.length(title, "linkback title", MAX_TITLE_LENGTH);
    }
}
