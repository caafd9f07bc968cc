package dev.parley.core.moderation.internal;

import org.jsoup.Jsoup;

/** Reads what the rules need from markup: link counts and text without tags. */
final class Markup {

    private Markup() {
    }

    /** Counts the links of sanitized html: the links a reader can follow, however the input spelled them. */
    static int countLinks(String html) {
        if (html.indexOf('<') < 0) {
            return 0;
        }
        return Jsoup.parseBodyFragment(html).select("a[href]").size();
    }

    /** Returns the text of input with any markup removed, so a word split by tags ("ca<b></b>sino") matches. */
    static String stripTags(String raw) {
        if (raw.indexOf('<') < 0) {
            return raw;
        }
        return Jsoup.parseBodyFragment(raw).text();
    }
}
