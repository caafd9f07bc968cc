package dev.parley.migrate.internal;

import dev.parley.migrate.ImportFormatException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.jspecify.annotations.Nullable;

/**
 * The one way this module opens XML: the JDK's StAX, namespace-aware, with DTDs refused (a DOCTYPE is an error,
 * so no entity can be declared, expanded or fetched) and adjacent text and CDATA sections merged into one
 * event, so WordPress's split {@code ]]]]><![CDATA[>} values read as one string ({@link #openKeepingCdata} keeps
 * them apart for a reader that must tell CDATA from layout).
 *
 * <p>The bytes are decoded here, strictly, not by the parser (see {@link XmlDecoding}): bytes not valid in the
 * file's encoding are an {@link ImportFormatException} with their line and column, and nothing is printed to
 * {@code System.err}.
 *
 * <p>Not API. Thread-safe: a fresh factory per call (factories are not documented as thread-safe).
 */
public final class SecureXml {

    /** The JDK parser's switch for reporting CDATA sections as such when not coalescing. */
    private static final String REPORT_CDATA = "http://java.sun.com/xml/stream/properties/report-cdata-event";

    private SecureXml() {
    }

    /**
     * Opens a streaming reader on XML bytes; the encoding comes from the byte order mark or the declaration.
     *
     * @param in the bytes
     * @return the reader; closing it does not close {@code in}
     * @throws ImportFormatException if the start of the document cannot be read or its declared encoding is
     *     unknown
     * @throws IOException if the bytes cannot be read
     */
    public static XMLStreamReader open(InputStream in) throws IOException {
        return open(in, true);
    }

    /**
     * Opens a streaming reader as {@link #open(InputStream)} does, but leaves text and CDATA sections apart:
     * each CDATA section is its own {@link XMLStreamConstants#CDATA} event (with the JDK's parser; another
     * parser may report it as characters), and text may come in several events. A reader can then tell the
     * whitespace that lays a file out from the whitespace a CDATA section holds.
     *
     * @param in the bytes
     * @return the reader; closing it does not close {@code in}
     * @throws ImportFormatException if the start of the document cannot be read or its declared encoding is
     *     unknown
     * @throws IOException if the bytes cannot be read
     */
    public static XMLStreamReader openKeepingCdata(InputStream in) throws IOException {
        return open(in, false);
    }

    private static XMLStreamReader open(InputStream in, boolean coalescing) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, coalescing);
        if (!coalescing && factory.isPropertySupported(REPORT_CDATA)) {
            factory.setProperty(REPORT_CDATA, Boolean.TRUE);
        }
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entities are not read: " + systemId);
        });
        try {
            return new RefusingDtd(factory.createXMLStreamReader(XmlDecoding.reader(in)));
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
        if (e.getNestedException() instanceof XmlDecoding.MalformedBytes bytes) {
            return new ImportFormatException("not well-formed XML: " + bytes.getMessage(), bytes.line(),
                    bytes.column(), e);
        }
        Location location = e.getLocation();
        int line = location == null ? -1 : location.getLineNumber();
        int column = location == null ? -1 : location.getColumnNumber();
        if (e instanceof DoctypeRefused) {
            return new ImportFormatException(DoctypeRefused.MESSAGE, line, column, e);
        }
        String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
        int brace = message.indexOf("Message: ");
        if (brace >= 0) {
            message = message.substring(brace + "Message: ".length());
        }
        if (message.contains("DOCTYPE") || message.contains("DTD")) {
            message = "a DOCTYPE is not allowed (DTDs and entities are refused): " + message;
        }
        return new ImportFormatException("not well-formed XML: " + message, line, column, e);
    }

    /**
     * Returns the failure to read the file behind a parser's exception, if that is what it is: a stream that
     * cannot be read, not bytes that are not XML or not in the file's encoding.
     *
     * @param e the parser's exception
     * @return the read failure, or null if the file's content is at fault
     */
    public static @Nullable IOException readFailure(XMLStreamException e) {
        Throwable nested = e.getNestedException();
        if (nested instanceof IOException io && !(nested instanceof XmlDecoding.MalformedBytes)
                && !(nested instanceof CharConversionException)) {
            return io;
        }
        return null;
    }

    /**
     * Turns a DOCTYPE into an error. With DTD support off the JDK's parser still reports a DOCTYPE without
     * entity references as an event and reads on, which would let such a file through.
     */
    private static final class RefusingDtd extends StreamReaderDelegate {

        RefusingDtd(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD) {
                throw new DoctypeRefused(getLocation());
            }
            return event;
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while (event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                    || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                    || (event == XMLStreamConstants.CHARACTERS && isWhiteSpace())) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw new XMLStreamException("expected a start or end tag", getLocation());
            }
            return event;
        }
    }

    /** A DOCTYPE met by {@link RefusingDtd}: the file is well-formed, but refused. */
    private static final class DoctypeRefused extends XMLStreamException {

        private static final long serialVersionUID = 1L;
        static final String MESSAGE = "a DOCTYPE is not allowed (DTDs and entities are refused)";

        DoctypeRefused(Location location) {
            super(MESSAGE, location);
        }
    }
}
