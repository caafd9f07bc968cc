package dev.parley.migrate.disqus;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * The few ways the Disqus reader moves through a StAX stream. Elements are matched by local name only: real
 * exports put them in {@code http://disqus.com}, hand-made and converted files often in no namespace at all.
 *
 * <p>Stateless and thread-safe.
 */
final class Stax {

    /** The namespace of the {@code dsq:id} attribute. */
    static final String INTERNALS = "http://disqus.com/disqus-internals";

    private Stax() {
    }

    /**
     * Reads the text of the element the reader is at, up to and including its end tag. Text of nested elements
     * is joined in (a file that puts markup in {@code <message>} without CDATA keeps its words, not its tags);
     * adjacent text and CDATA already arrive as one event.
     */
    static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                default -> {
                    // comments and processing instructions carry nothing of the record
                }
            }
        }
        return text.toString();
    }

    /**
     * Moves to the next child element of the element the reader is in, passing text, comments and processing
     * instructions between children.
     *
     * @return true at a child's start tag, false at the parent's end tag
     */
    static boolean nextChild(XMLStreamReader xml) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
    }

    /** Moves past the end tag of the element the reader is at, whatever it holds. */
    static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /**
     * Returns the element's {@code dsq:id}, trimmed: the attribute {@code id} in the internals namespace, else
     * an {@code id} attribute in any namespace or none.
     *
     * @return the id, or null when there is none or it is blank
     */
    static @Nullable String dsqId(XMLStreamReader xml) {
        String any = null;
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (!"id".equals(xml.getAttributeLocalName(i))) {
                continue;
            }
            String value = xml.getAttributeValue(i);
            if (INTERNALS.equals(xml.getAttributeNamespace(i))) {
                return blankToNull(value);
            }
            if (any == null) {
                any = value;
            }
        }
        return any == null ? null : blankToNull(any);
    }

    /** Returns the value stripped of surrounding whitespace, or null when nothing is left. */
    static @Nullable String blankToNull(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
