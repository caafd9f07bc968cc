package dev.parley.core.content;

/** How a comment's raw input is written. */
public enum InputFormat {
    /** Plain text: blank lines separate paragraphs, single newlines break lines, bare URLs become links. */
    PLAIN_TEXT,
    /** A small HTML subset (WordPress's comment tags); everything else is removed by the sanitizer. */
    HTML
}
