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

    /** Whether {@code c} is HTML whitespace (space, tab, line feed, form feed, carriage return). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
