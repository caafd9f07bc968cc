package dev.parley.core.content.internal;

import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;

/** Small tree edits shared by the passes. Stateless and thread-safe. */
final class Texts {

    // Looked up once: Tag.valueOf consults a fresh copy of jsoup's tag set on every call, which made creating
    // an element cost more than parsing one. Tags are never changed after lookup, so sharing them is safe.
    private static final Tag P = Tag.valueOf("p");
    private static final Tag BR = Tag.valueOf("br");
    private static final Tag BODY = Tag.valueOf("body");

    private Texts() {
    }

    /** Returns a new, empty {@code p}. */
    static Element paragraph() {
        return new Element(P, "");
    }

    /** Returns a new {@code br}. */
    static Element lineBreak() {
        return new Element(BR, "");
    }

    /** Returns a new, empty {@code body}, detached from any document. */
    static Element body() {
        return new Element(BODY, "");
    }

    /**
     * Returns {@code text} without the characters {@link HtmlOutput} drops (C0 controls other than tab and
     * newline, DEL, U+FFFE and U+FFFF), so that what is scanned for bare URLs and paragraphs is what is written:
     * otherwise {@code ww\u0006w.example.com} is written as a URL that only the next rendering links.
     *
     * @return {@code text} itself if it holds none of them
     */
    static String withoutDropped(String text) {
        int length = text.length();
        int i = 0;
        while (i < length && !isDropped(text.charAt(i))) {
            i++;
        }
        if (i == length) {
            return text;
        }
        StringBuilder kept = new StringBuilder(length - 1).append(text, 0, i);
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (!isDropped(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static boolean isDropped(char c) {
        return c < ' ' && c != '\t' && c != '\n' || c == 0x7f || c == '\ufffe' || c == '\uffff';
    }

    /** Whether {@code text} is empty or HTML whitespace only, as jsoup's {@code TextNode.isBlank} reads it. */
    static boolean isSpaces(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code c} is HTML whitespace (space, tab, line feed, form feed, carriage return). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
