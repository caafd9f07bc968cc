package dev.parley.migrate.disqus;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * One {@code <post>} as written, before any mapping: every value raw (XML-decoded, nothing else), null when its
 * element is absent. A repeated element keeps its first value; the later ones go to {@link #extras} by name,
 * so nothing is dropped.
 *
 * <p>Mutable while it is read, then only read; confined to the reading thread.
 */
final class RawPost {

    @Nullable String dsqId;
    @Nullable String id;
    boolean threadSeen;
    @Nullable String threadRef;
    boolean parentSeen;
    @Nullable String parentRef;
    @Nullable String message;
    @Nullable String createdAt;
    @Nullable String isDeleted;
    @Nullable String isSpam;
    boolean authorSeen;
    @Nullable String authorName;
    @Nullable String authorEmail;
    @Nullable String ipAddress;
    /** Raw values kept only in the provenance ({@code author.username}, {@code forum}, ...), in source order. */
    final List<Extra> extras = new ArrayList<>();

    private RawPost() {
    }

    /**
     * Reads the post the reader is at, up to and including its end tag.
     *
     * @param xml the reader, at the post's start tag
     * @return the post
     * @throws XMLStreamException if the XML is not well-formed
     */
    static RawPost read(XMLStreamReader xml) throws XMLStreamException {
        RawPost post = new RawPost();
        post.dsqId = Stax.dsqId(xml);
        while (Stax.nextChild(xml)) {
            post.child(xml);
        }
        return post;
    }

    private void child(XMLStreamReader xml) throws XMLStreamException {
        String name = xml.getLocalName();
        switch (name) {
            case "thread" -> {
                if (threadSeen) {
                    extra(name, Stax.dsqId(xml));
                    Stax.skip(xml);
                } else {
                    threadSeen = true;
                    threadRef = Stax.dsqId(xml);
                    Stax.skip(xml);
                }
            }
            case "parent" -> {
                if (parentSeen) {
                    extra(name, Stax.dsqId(xml));
                    Stax.skip(xml);
                } else {
                    parentSeen = true;
                    parentRef = Stax.dsqId(xml);
                    Stax.skip(xml);
                }
            }
            case "author" -> {
                if (authorSeen) {
                    extra(name, Stax.text(xml));
                } else {
                    authorSeen = true;
                    author(xml);
                }
            }
            case "id" -> {
                String value = Stax.text(xml);
                if (id != null || !value.isBlank()) {
                    extra(name, value);
                }
                if (id == null) {
                    id = value;
                }
            }
            case "message" -> message = first(name, message, Stax.text(xml));
            case "createdAt" -> createdAt = first(name, createdAt, Stax.text(xml));
            case "isDeleted" -> isDeleted = first(name, isDeleted, Stax.text(xml));
            case "isSpam" -> isSpam = first(name, isSpam, Stax.text(xml));
            case "ipAddress" -> ipAddress = first(name, ipAddress, Stax.text(xml));
            default -> extra(name, Stax.text(xml));
        }
    }

    private void author(XMLStreamReader xml) throws XMLStreamException {
        while (Stax.nextChild(xml)) {
            String name = xml.getLocalName();
            String value = Stax.text(xml);
            switch (name) {
                case "name" -> authorName = first("author.name", authorName, value);
                case "email" -> authorEmail = first("author.email", authorEmail, value);
                default -> extra("author." + name, value);
            }
        }
    }

    /** Returns the value already read, if any, and keeps the new one as an extra; else the new one. */
    private @Nullable String first(String name, @Nullable String current, String value) {
        if (current == null) {
            return value;
        }
        extra(name, value);
        return current;
    }

    private void extra(String name, @Nullable String value) {
        extras.add(new Extra(name, value == null ? "" : value));
    }

    /**
     * A raw value kept for the provenance only.
     *
     * @param name the field name: the local name, {@code author.} before an author's child
     * @param value the raw text, or for a repeated reference its {@code dsq:id}
     */
    record Extra(String name, String value) {
    }
}
