package dev.parley.migrate.internal;

import dev.parley.migrate.ImportFormatException;
import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one way this module opens XML: the JDK's StAX, namespace-aware, with DTDs refused (a DOCTYPE is an error,
 * so no entity can be declared, expanded or fetched) and adjacent text and CDATA sections merged into one
 * event, so WordPress's split {@code ]]]]><![CDATA[>} values read as one string.
 *
 * <p>Not API. Thread-safe: a fresh factory per call (factories are not documented as thread-safe).
 */
public final class SecureXml {

    private SecureXml() {
    }

    /**
     * Opens a streaming reader on XML bytes; the encoding comes from the byte order mark or the declaration.
     *
     * @param in the bytes
     * @return the reader; closing it does not close {@code in}
     * @throws ImportFormatException if the start of the document cannot be read
     */
    public static XMLStreamReader open(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entities are not read: " + systemId);
        });
        try {
            return factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * Turns a parser's exception into an {@link ImportFormatException} with its line and column, and a message
     * without the parser's own location prefix.
     *
     * @param e the parser's exception
     * @return the exception to throw
     */
    public static ImportFormatException failure(XMLStreamException e) {
        Location location = e.getLocation();
        String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
        int brace = message.indexOf("Message: ");
        if (brace >= 0) {
            message = message.substring(brace + "Message: ".length());
        }
        if (message.contains("DOCTYPE") || message.contains("DTD")) {
            message = "a DOCTYPE is not allowed (DTDs and entities are refused): " + message;
        }
        int line = location == null ? -1 : location.getLineNumber();
        int column = location == null ? -1 : location.getColumnNumber();
        return new ImportFormatException("not well-formed XML: " + message, line, column, e);
    }
}
