package dev.parley.migrate.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The one way this module writes XML: the JDK's StAX writer, UTF-8, indented two spaces per level, with every
 * string in CDATA and written exactly where XML allows it.
 *
 * <p>A CDATA value that holds {@code ]]>} is split as WordPress splits it ({@code ]]]]><![CDATA[>}); a
 * carriage return is written as {@code &#13;} between CDATA sections, since a parser turns a literal one into a
 * line feed. A character XML 1.0 cannot hold at all (a C0 control but tab, line feed and carriage return; an
 * unpaired surrogate; U+FFFE, U+FFFF) is written as U+FFFD, and each value where that happened is a warning.
 *
 * <p>Not API. Not thread-safe: one instance writes one document.
 */
public final class XmlOut {

    /** What replaces a character XML cannot hold. */
    public static final char REPLACEMENT = '\uFFFD';

    private final XMLStreamWriter writer;
    private final Map<String, String> namespaces = new LinkedHashMap<>();
    private final Consumer<String> warnings;
    private int depth;

    private XmlOut(XMLStreamWriter writer, Consumer<String> warnings) {
        this.writer = writer;
        this.warnings = warnings;
    }

    /**
     * Starts a document: the XML declaration, then the root element with its namespace declarations and
     * attributes.
     *
     * @param out where to write; not closed
     * @param root the root element's name, without prefix
     * @param namespaces namespace URIs by prefix, declared on the root
     * @param attributes the root's attributes, in order
     * @param warnings receives a line for each value written with replaced characters
     * @return the writer, inside the root
     * @throws UncheckedIOException if writing fails
     */
    public static XmlOut start(OutputStream out, String root, Map<String, String> namespaces,
            Map<String, String> attributes, Consumer<String> warnings) {
        Objects.requireNonNull(out, "out must not be null");
        Objects.requireNonNull(warnings, "warnings must not be null");
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            XmlOut xml = new XmlOut(writer, warnings);
            writer.writeStartDocument("UTF-8", "1.0");
            writer.writeCharacters("\n");
            for (Map.Entry<String, String> namespace : namespaces.entrySet()) {
                writer.setPrefix(namespace.getKey(), namespace.getValue());
                xml.namespaces.put(namespace.getKey(), namespace.getValue());
            }
            writer.writeStartElement(root);
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                writer.writeAttribute(attribute.getKey(), attribute.getValue());
            }
            for (Map.Entry<String, String> namespace : namespaces.entrySet()) {
                writer.writeNamespace(namespace.getKey(), namespace.getValue());
            }
            xml.depth = 1;
            return xml;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * Opens an element that holds elements, on a line of its own.
     *
     * @param name the name, {@code prefix:local} or {@code local}
     */
    public void open(String name) {
        try {
            indent();
            startElement(name);
            depth++;
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * Closes the element opened last, on a line of its own.
     */
    public void close() {
        try {
            depth--;
            indent();
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * Writes an element holding a string in CDATA, on a line of its own.
     *
     * @param name the name, {@code prefix:local} or {@code local}
     * @param value the string, possibly empty
     * @param owner what the value belongs to, for a warning ({@code comment c1 (wp:comment_id 12)})
     */
    public void cdata(String name, String value, String owner) {
        try {
            indent();
            startElement(name);
            String safe = replaceInvalid(value);
            if (!safe.equals(value)) {
                int replaced = invalidCount(value);
                warnings.accept(owner + ": " + name + ": " + replaced + (replaced == 1 ? " character" : " characters")
                        + " that XML 1.0 cannot hold written as U+FFFD");
            }
            writeCData(safe);
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * Writes an element holding a number, on a line of its own.
     *
     * @param name the name, {@code prefix:local} or {@code local}
     * @param value the number
     */
    public void number(String name, long value) {
        try {
            indent();
            startElement(name);
            writer.writeCharacters(Long.toString(value));
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * Writes an element holding a fixed token of the format ({@code publish}, {@code 1.2}) as plain text, on a
     * line of its own, as WordPress writes such values.
     *
     * @param name the name, {@code prefix:local} or {@code local}
     * @param token the token: letters, digits, {@code .}, {@code _} and {@code -} only
     * @throws IllegalArgumentException if the token holds anything else
     */
    public void token(String name, String token) {
        if (!token.matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("not a token: " + token);
        }
        try {
            indent();
            startElement(name);
            writer.writeCharacters(token);
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * Closes every open element, ends the document with a line feed and flushes.
     */
    public void finish() {
        try {
            while (depth > 1) {
                close();
            }
            writer.writeCharacters("\n");
            writer.writeEndElement();
            writer.writeEndDocument();
            writer.writeCharacters("\n");
            writer.flush();
            writer.close();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * Counts the characters of a string that XML 1.0 cannot hold: C0 controls but tab, line feed and carriage
     * return; unpaired surrogates; U+FFFE and U+FFFF.
     *
     * @param value the string
     * @return how many {@link #replaceInvalid(String)} replaces
     */
    public static int invalidCount(String value) {
        int count = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (!allowed(c)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Replaces each character XML 1.0 cannot hold by U+FFFD.
     *
     * @param value the string
     * @return the string itself if it holds none, else a copy with them replaced
     */
    public static String replaceInvalid(String value) {
        if (invalidCount(value) == 0) {
            return value;
        }
        StringBuilder safe = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                safe.append(c).append(value.charAt(i + 1));
                i++;
            } else {
                safe.append(allowed(c) ? c : REPLACEMENT);
            }
        }
        return safe.toString();
    }

    private static boolean allowed(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }

    private void writeCData(String value) throws XMLStreamException {
        StringBuilder section = new StringBuilder();
        boolean written = false;
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ']' && value.startsWith("]]>", i)) {
                // A CDATA section cannot hold "]]>": it ends after "]]" and the next one starts with ">".
                section.append("]]");
                writer.writeCData(section.toString());
                written = true;
                section.setLength(0);
                section.append('>');
                i += 3;
            } else if (c == '\r') {
                if (section.length() > 0) {
                    writer.writeCData(section.toString());
                    section.setLength(0);
                }
                writer.writeEntityRef("#13");
                written = true;
                i++;
            } else {
                section.append(c);
                i++;
            }
        }
        if (section.length() > 0 || !written) {
            writer.writeCData(section.toString());
        }
    }

    private void startElement(String name) throws XMLStreamException {
        int colon = name.indexOf(':');
        if (colon < 0) {
            writer.writeStartElement(name);
            return;
        }
        String prefix = name.substring(0, colon);
        String uri = namespaces.get(prefix);
        if (uri == null) {
            throw new IllegalArgumentException("undeclared prefix " + prefix + " in " + name);
        }
        writer.writeStartElement(prefix, name.substring(colon + 1), uri);
    }

    private void indent() throws XMLStreamException {
        writer.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static UncheckedIOException failure(XMLStreamException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNestedException();
        if (cause instanceof IOException io) {
            return new UncheckedIOException("cannot write the XML export", io);
        }
        return new UncheckedIOException("cannot write the XML export", new IOException(e.getMessage(), e));
    }
}
