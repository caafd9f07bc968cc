package dev.parley.migrate.wxr;

import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads element text from a StAX reader opened with
 * {@link dev.parley.migrate.internal.SecureXml#openKeepingCdata}, and walks child elements.
 *
 * <p>WXR files lay values out on their own indented lines ({@code <wp:comment_author>\n <![CDATA[…]]>}), so
 * whitespace outside CDATA sections is layout and is trimmed, while whatever a CDATA section holds is the value
 * and is kept exactly: a comment's trailing newline, a serialized meta value's spaces. Only XML's own
 * whitespace (space, tab, line feed, carriage return) is trimmed, never other Unicode spaces.
 *
 * <p>Stateless and thread-safe.
 */
final class XmlText {

    /** Reads a child element; it must leave the reader on the child's end tag. */
    @FunctionalInterface
    interface ChildReader {
        void read(XMLStreamReader xml) throws XMLStreamException;
    }

    /** HTML's void elements: written {@code <br />}, since {@code <br></br>} is two line breaks in HTML. */
    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img",
            "input", "link", "meta", "source", "track", "wbr");

    private XmlText() {
    }

    /**
     * Reads the text of the element the reader is on, through its end tag, with the text of every descendant
     * element, and trims the layout around it.
     *
     * @param xml a reader on a start tag; left on the matching end tag
     * @return the text, trimmed outside CDATA sections
     */
    static String text(XMLStreamReader xml) throws XMLStreamException {
        return text(xml, null);
    }

    /**
     * Reads the text of the element the reader is on, through its end tag, and hands each child element to
     * {@code children} (or, when it is null, reads the child's text as part of this one).
     *
     * @param xml a reader on a start tag; left on the matching end tag
     * @param children what reads child elements, or null to take their text
     * @return the element's own text, trimmed outside CDATA sections
     */
    static String text(XMLStreamReader xml, @Nullable ChildReader children) throws XMLStreamException {
        return read(xml, children, false);
    }

    /**
     * Reads the content of the element the reader is on, through its end tag, keeping child elements as markup:
     * a third-party writer may put a comment's HTML in without CDATA or escaping
     * ({@code Hello <b>bold</b> <a href="x">link</a>}), and flattening it to text would lose the tags. Each child
     * is written back as a start tag with its attributes (namespace declarations left out), its content, and an
     * end tag, or as {@code <br />} for an empty HTML void element; text inside a child is escaped. The element's
     * own text is read as {@link #text(XMLStreamReader)} reads it.
     *
     * @param xml a reader on a start tag; left on the matching end tag
     * @return the content, trimmed outside CDATA sections
     */
    static String markup(XMLStreamReader xml) throws XMLStreamException {
        return read(xml, null, true);
    }

    private static String read(XMLStreamReader xml, @Nullable ChildReader children, boolean markup)
            throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int cdataStart = -1;
        int cdataEnd = -1;
        int depth = 1;
        boolean startTagOpen = false;
        while (depth > 0) {
            int event = xml.next();
            if (startTagOpen) {
                startTagOpen = false;
                if (event == XMLStreamConstants.END_ELEMENT) {
                    text.append(VOID_ELEMENTS.contains(xml.getLocalName()) ? " />" : "></" + qualified(xml) + ">");
                    depth--;
                    continue;
                }
                text.append('>');
            }
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (markup) {
                        startTag(xml, text);
                        startTagOpen = true;
                        depth++;
                    } else if (children == null) {
                        depth++;
                    } else {
                        children.read(xml);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (markup && depth > 0) {
                        text.append("</").append(qualified(xml)).append('>');
                    }
                }
                case XMLStreamConstants.CDATA -> {
                    if (markup && depth > 1) {
                        escape(xml.getText(), text, false);
                    } else {
                        if (cdataStart < 0) {
                            cdataStart = text.length();
                        }
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        cdataEnd = text.length();
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                    if (markup && depth > 1) {
                        escape(xml.getText(), text, false);
                    } else {
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                }
                default -> {
                    // comments and processing instructions are not part of a value
                }
            }
        }
        // Layout is trimmed only outside the CDATA sections, which run from cdataStart to cdataEnd: one copy.
        int start = 0;
        int end = text.length();
        int keepFrom = cdataStart < 0 ? end : cdataStart;
        int keepTo = cdataStart < 0 ? 0 : cdataEnd;
        while (start < keepFrom && isXmlSpace(text.charAt(start))) {
            start++;
        }
        while (end > Math.max(keepTo, start) && isXmlSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static void startTag(XMLStreamReader xml, StringBuilder text) {
        text.append('<').append(qualified(xml));
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String prefix = xml.getAttributePrefix(i);
            text.append(' ');
            if (prefix != null && !prefix.isEmpty()) {
                text.append(prefix).append(':');
            }
            text.append(xml.getAttributeLocalName(i)).append("=\"");
            escape(xml.getAttributeValue(i), text, true);
            text.append('"');
        }
    }

    private static String qualified(XMLStreamReader xml) {
        String prefix = xml.getPrefix();
        return prefix == null || prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName();
    }

    private static void escape(String value, StringBuilder text, boolean attribute) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> text.append("&amp;");
                case '<' -> text.append("&lt;");
                case '>' -> text.append("&gt;");
                case '"' -> text.append(attribute ? "&quot;" : "\"");
                default -> text.append(c);
            }
        }
    }

    /**
     * Returns the namespace URI of the element the reader is on.
     *
     * @param xml a reader on a start tag
     * @return the URI, or the empty string for no namespace
     */
    static String namespace(XMLStreamReader xml) {
        String uri = xml.getNamespaceURI();
        return uri == null ? "" : uri;
    }

    /**
     * Trims XML whitespace from both ends.
     *
     * @param value the text
     * @return the text without leading and trailing spaces, tabs and line ends
     */
    static String trim(CharSequence value) {
        return trimTrailing(trimLeading(value));
    }

    /**
     * Trims a value and turns an empty one into null.
     *
     * @param value the value, or null
     * @return the trimmed value, or null if it was null or empty after trimming
     */
    static @Nullable String trimToNull(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = trim(value);
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String trimLeading(CharSequence value) {
        int start = 0;
        while (start < value.length() && isXmlSpace(value.charAt(start))) {
            start++;
        }
        return value.subSequence(start, value.length()).toString();
    }

    private static String trimTrailing(CharSequence value) {
        int end = value.length();
        while (end > 0 && isXmlSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.subSequence(0, end).toString();
    }

    private static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
