package dev.parley.migrate;

/**
 * The markup a source keeps a comment's content in. The importer renders each to sanitized html with Parley's
 * own renderer, exactly as it renders a posted comment, and keeps the source text beside it.
 */
public enum ContentFormat {
    /** HTML, as WordPress, Disqus and Remark42's rendered text hold it; WordPress's line breaks are kept. */
    HTML,
    /** CommonMark, as Isso and Remark42's original text hold it: rendered to HTML, then sanitized. */
    MARKDOWN,
    /** Plain text: escaped, with paragraphs and links as in a posted plain-text comment. */
    PLAIN_TEXT
}
