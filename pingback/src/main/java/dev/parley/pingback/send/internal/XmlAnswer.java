package dev.parley.pingback.send.internal;

import dev.parley.pingback.xmlrpc.internal.SecureXml;
import dev.parley.pingback.xmlrpc.internal.XmlBodyDecoder;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a small XML answer (an XML-RPC {@code methodResponse}, a TrackBack {@code response}) into a tree, with the
 * same hardened factory as receiving ({@link SecureXml}): a DOCTYPE or an entity reference makes the answer
 * malformed, and so does nesting deeper than {@value #MAX_DEPTH}, more than {@value #MAX_ELEMENTS} elements or more
 * than {@value #MAX_CHARS} characters. Names are local names (namespaces are ignored). Stateless and thread-safe.
 */
final class XmlAnswer {

    static final int MAX_DEPTH = 32;
    static final int MAX_ELEMENTS = 2_048;
    static final int MAX_CHARS = 65_536;

    private XmlAnswer() {
    }

    /**
     * One element: its local name, its own text (not its children's), and its child elements in order.
     *
     * @param name the local name
     * @param text the character data directly inside it
     * @param children the child elements
     */
    record Element(String name, String text, List<Element> children) {

        Optional<Element> child(String childName) {
            return children.stream().filter(c -> c.name().equals(childName)).findFirst();
        }

        /** The first child element, if any. */
        Optional<Element> first() {
            return children.isEmpty() ? Optional.empty() : Optional.of(children.get(0));
        }
    }

    /** The answer is not XML this reader accepts; the message says why, for the sender's log. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** Builds an element while its end tag is awaited. */
    private static final class Open {
        final String name;
        final StringBuilder text = new StringBuilder();
        final List<Element> children = new ArrayList<>();

        Open(String name) {
            this.name = name;
        }

        Element close() {
            return new Element(name, text.toString(), List.copyOf(children));
        }
    }

    /**
     * Reads an answer that was decoded with {@code decodedWith}. An XML declaration that contradicts it in kind (a
     * body decoded as UTF-16, by its byte order mark or its charset, declaring an 8-bit encoding, or the reverse) is
     * malformed, as XML 1.0 section 4.3.3 makes it a fatal error.
     */
    static Element parse(String xml, Charset decodedWith) throws Malformed {
        if (xml.length() > MAX_CHARS) {
            throw new Malformed("answer longer than " + MAX_CHARS + " characters");
        }
        if (xml.isBlank()) {
            throw new Malformed("empty answer");
        }
        String named = XmlBodyDecoder.declaredEncoding(xml);
        if (named != null) {
            boolean utf16 = decodedWith.name().toUpperCase(Locale.ROOT).startsWith("UTF-16");
            boolean namesUtf16 = named.strip().toUpperCase(Locale.ROOT).startsWith("UTF-16");
            if (utf16 != namesUtf16) {
                throw new Malformed("the answer's bytes are " + decodedWith.name()
                        + " but its XML declaration says encoding=\"" + named + "\"");
            }
        }
        XMLInputFactory factory = SecureXml.factory(MAX_DEPTH);
        XMLStreamReader reader;
        try {
            reader = factory.createXMLStreamReader(new StringReader(xml));
        } catch (XMLStreamException | RuntimeException e) {
            throw new Malformed("answer is not readable XML");
        }
        try {
            return walk(reader);
        } catch (XMLStreamException | RuntimeException e) {
            // The JDK parser reports some malformed input with unchecked exceptions.
            throw new Malformed("answer is not well-formed XML: " + e.getMessage());
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Reading from a string: nothing to release.
            }
        }
    }

    private static Element walk(XMLStreamReader reader) throws XMLStreamException, Malformed {
        Deque<Open> stack = new ArrayDeque<>();
        Element root = null;
        int elements = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new Malformed("DOCTYPE declarations are not allowed");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new Malformed("entity references are not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (root != null) {
                        throw new Malformed("more than one root element");
                    }
                    if (++elements > MAX_ELEMENTS || stack.size() >= MAX_DEPTH) {
                        throw new Malformed("answer nested deeper than " + MAX_DEPTH + " or longer than "
                                + MAX_ELEMENTS + " elements");
                    }
                    stack.push(new Open(reader.getLocalName()));
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Element done = stack.pop().close();
                    if (stack.isEmpty()) {
                        root = done;
                    } else {
                        stack.peek().children.add(done);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!stack.isEmpty()) {
                        stack.peek().text.append(reader.getTextCharacters(), reader.getTextStart(),
                                reader.getTextLength());
                    }
                }
                default -> {
                    // comments, processing instructions and the document's start and end carry nothing
                }
            }
        }
        if (root == null) {
            throw new Malformed("no root element");
        }
        return root;
    }
}
