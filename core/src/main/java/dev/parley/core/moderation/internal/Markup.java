package dev.parley.core.moderation.internal;

import dev.parley.core.content.Html;
import dev.parley.core.content.Links;

/** Reads what the rules need from markup, with the content package's own definitions. */
final class Markup {

    private Markup() {
    }

    /** Counts the links of sanitized html: the links a reader can follow, however the input spelled them. */
    static int countLinks(String html) {
        return Links.count(html);
    }

    /** Returns the text of input with any markup removed, so a word split by tags ("ca<b></b>sino") matches. */
    static String stripTags(String raw) {
        return Html.text(raw);
    }
}
