package dev.parley.pingback.xmlrpc.internal;

import dev.parley.pingback.Fault;
import dev.parley.pingback.xmlrpc.PingbackParse;
import dev.parley.pingback.xmlrpc.PingbackRequest;
import java.nio.charset.Charset;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads one XML-RPC {@code methodCall} with a StAX pull parser and an explicit depth counter. Not API.
 *
 * <p>Nothing here recurses, so nesting costs a counter, not stack frames: a body of 20,000 nested values ends
 * in a fault at the depth cap. Factories are the JDK's own ({@link XMLInputFactory#newDefaultFactory()}, so a
 * StAX implementation elsewhere on the class path cannot change the security settings).
 *
 * <p>Building a JDK stream reader costs far more than reading a {@code pingback.ping} call with it, so each
 * factory is told to reuse its reader ({@code reuse-instance}, which resets all scanner state between
 * documents), and idle factories wait in a small pool. A factory is used by one thread at a time: it is taken
 * from the pool for one read and offered back after its reader is closed. The pool belongs to this object (no
 * thread-locals), so it is collected with it; an idle reader keeps its last document (at most the body cap)
 * until its next use. Thread-safe.
 */
public final class PingbackCallReader {

    /** The method this reader accepts. */
    public static final String METHOD = "pingback.ping";

    private static final Set<String> XML_RPC_TYPES = Set.of(
            "i4", "i8", "int", "boolean", "double", "dateTime.iso8601", "base64", "struct", "array", "nil");

    private static final int POOL_SIZE = Math.max(4, Math.min(64, 2 * Runtime.getRuntime().availableProcessors()));

    private final ArrayBlockingQueue<XMLInputFactory> idle = new ArrayBlockingQueue<>(POOL_SIZE);
    private final int maxDepth;

    /**
     * Creates a reader.
     *
     * @param maxDepth the deepest element nesting accepted (a {@code pingback.ping} call needs 5)
     */
    public PingbackCallReader(int maxDepth) {
        this.maxDepth = maxDepth;
        idle.offer(secureFactory(maxDepth));
    }

    private static XMLInputFactory secureFactory(int maxDepth) {
        // DOCTYPE arrives as one DTD event, never processed; read() turns it into a fault (see SecureXml).
        return SecureXml.reusingFactory(maxDepth);
    }

    /**
     * Reads a {@code pingback.ping} call.
     *
     * @param body the request body
     * @param length how many bytes of {@code body} to read
     * @param charset the charset from the Content-Type header, or null to let a byte order mark or the XML
     *     declaration decide (see {@link XmlBodyDecoder})
     * @return the call or the fault
     */
    public PingbackParse read(byte[] body, int length, @Nullable Charset charset) {
        if (length == 0) {
            return refuse(Fault.PARSE_ERROR, "empty request body");
        }
        XmlBodyDecoder.Decoded decoded = XmlBodyDecoder.decode(body, length, charset);
        if (decoded instanceof XmlBodyDecoder.Undecodable undecodable) {
            return refuse(Fault.PARSE_ERROR, undecodable.problem());
        }
        XMLInputFactory factory = idle.poll();
        if (factory == null) {
            factory = secureFactory(maxDepth);
        }
        XMLStreamReader reader;
        try {
            reader = factory.createXMLStreamReader(((XmlBodyDecoder.Text) decoded).reader());
        } catch (XMLStreamException | RuntimeException e) {
            return refuse(Fault.PARSE_ERROR, "request body is not readable XML");
        }
        PingbackParse result;
        try {
            result = new Walk(reader, maxDepth).call();
        } catch (Refusal r) {
            result = r.refused;
        } catch (XMLStreamException e) {
            result = refuse(Fault.PARSE_ERROR, "request is not well-formed XML" + where(e.getLocation()));
        }
        try {
            reader.close();
            // Only a cleanly closed reader may be reused; a factory whose reader failed to close is dropped.
            idle.offer(factory);
        } catch (XMLStreamException | RuntimeException ignored) {
            // Nothing to release: the reader reads from a string.
        }
        return result;
    }

    private static String where(@Nullable Location location) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }

    private static PingbackParse.Refused refuse(Fault fault, String message) {
        return new PingbackParse.Refused(fault, message);
    }

    /** Unwinds a walk with a fault; carries no stack trace because it is an outcome, not an error. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        // Never serialised: it is caught within read().
        private final transient PingbackParse.Refused refused;

        Refusal(Fault fault, String message) {
            super(message, null, false, false);
            this.refused = refuse(fault, message);
        }
    }

    /** One pass over one document. Not thread-safe; lives for one read() call. */
    private static final class Walk {
        private final XMLStreamReader reader;
        private final int maxDepth;
        private final StringBuilder text = new StringBuilder(64);
        private int depth;

        Walk(XMLStreamReader reader, int maxDepth) {
            this.reader = reader;
            this.maxDepth = maxDepth;
        }

        PingbackParse call() throws XMLStreamException, Refusal {
            int event = nextTag();
            if (event != XMLStreamConstants.START_ELEMENT || !isElement("methodCall")) {
                throw new Refusal(Fault.INVALID_REQUEST, "the root element must be <methodCall>");
            }
            expectStart("methodName", "<methodCall> must start with <methodName>");
            String method = strip(readText("methodName"));
            if (method.equals("system.multicall")) {
                throw new Refusal(Fault.METHOD_NOT_FOUND,
                        "system.multicall is not supported: send one pingback.ping per request");
            }
            if (!method.equals(METHOD)) {
                throw new Refusal(Fault.METHOD_NOT_FOUND, "unknown method; only pingback.ping is served here");
            }
            String[] strings = new String[2];
            String[] types = new String[2];
            int count = 0;
            event = nextTag();
            if (event == XMLStreamConstants.START_ELEMENT) {
                requireElement("params", "expected <params> after <methodName>");
                while ((event = nextTag()) == XMLStreamConstants.START_ELEMENT) {
                    requireElement("param", "<params> may only contain <param> elements");
                    expectStart("value", "<param> must contain one <value>");
                    if (count < 2) {
                        readValue(strings, types, count);
                    } else {
                        readValue(new String[1], new String[1], 0);
                    }
                    count++;
                    expectEnd("<param> must contain exactly one <value>");
                }
                event = nextTag();
            }
            if (event != XMLStreamConstants.END_ELEMENT) {
                throw new Refusal(Fault.INVALID_REQUEST, "unexpected content after <params>");
            }
            while (reader.hasNext()) {
                advance();
            }
            if (count != 2) {
                throw new Refusal(Fault.INVALID_PARAMS,
                        "pingback.ping takes 2 parameters (sourceURI, targetURI), got " + count);
            }
            for (int i = 0; i < 2; i++) {
                if (strings[i] == null) {
                    throw new Refusal(Fault.INVALID_PARAMS, "parameter " + (i + 1) + " ("
                            + (i == 0 ? "sourceURI" : "targetURI") + ") must be a string, got <" + types[i] + ">");
                }
            }
            return new PingbackParse.Parsed(new PingbackRequest(strings[0], strings[1]));
        }

        /**
         * Reads one {@code <value>} whose start tag was just read, through its end tag. A string lands in
         * {@code strings[slot]}; any other XML-RPC type is skipped and its name lands in {@code types[slot]}.
         */
        private void readValue(String[] strings, String[] types, int slot) throws XMLStreamException, Refusal {
            text.setLength(0);
            while (true) {
                int event = advance();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    case XMLStreamConstants.END_ELEMENT -> {
                        // An untyped value is a string, whitespace and all.
                        strings[slot] = text.toString();
                        return;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (!isBlank(text)) {
                            throw new Refusal(Fault.INVALID_REQUEST, "<value> mixes text with a typed element");
                        }
                        checkPlain();
                        String type = reader.getLocalName();
                        if (type.equals("string")) {
                            strings[slot] = readText("string");
                        } else if (XML_RPC_TYPES.contains(type)) {
                            types[slot] = type;
                            skipElement();
                        } else {
                            throw new Refusal(Fault.INVALID_REQUEST, "<value> holds an unknown type");
                        }
                        expectEnd("<value> must hold exactly one typed element");
                        return;
                    }
                    default -> {
                        // comments and processing instructions carry nothing
                    }
                }
            }
        }

        /** Skips the element whose start tag was just read, whatever it holds, bounded by the depth cap. */
        private void skipElement() throws XMLStreamException, Refusal {
            int end = depth - 1;
            while (depth > end) {
                advance();
            }
        }

        /** Returns the character content of the element whose start tag was just read; no child elements. */
        private String readText(String element) throws XMLStreamException, Refusal {
            text.setLength(0);
            while (true) {
                int event = advance();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    case XMLStreamConstants.END_ELEMENT -> {
                        return text.toString();
                    }
                    case XMLStreamConstants.START_ELEMENT ->
                            throw new Refusal(Fault.INVALID_REQUEST, "<" + element + "> must hold text only");
                    default -> {
                        // comments and processing instructions carry nothing
                    }
                }
            }
        }

        /** Next start or end tag; whitespace, comments and processing instructions between them are skipped. */
        private int nextTag() throws XMLStreamException, Refusal {
            while (true) {
                int event = advance();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        checkPlain();
                        return event;
                    }
                    case XMLStreamConstants.END_ELEMENT, XMLStreamConstants.END_DOCUMENT -> {
                        return event;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!reader.isWhiteSpace()) {
                            throw new Refusal(Fault.INVALID_REQUEST, "unexpected text between XML-RPC elements");
                        }
                    }
                    default -> {
                        // whitespace, comments and processing instructions carry nothing
                    }
                }
            }
        }

        /** The one place events are pulled: counts depth and refuses what a call may never contain. */
        private int advance() throws XMLStreamException, Refusal {
            int event;
            try {
                event = reader.next();
            } catch (RuntimeException e) {
                // The JDK parser signals some malformed input with unchecked exceptions.
                throw new XMLStreamException("parser failure", e);
            }
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > maxDepth) {
                        throw new Refusal(Fault.INVALID_REQUEST, "elements nested deeper than " + maxDepth);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.DTD ->
                        throw new Refusal(Fault.INVALID_REQUEST, "DOCTYPE declarations are not allowed");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new Refusal(Fault.INVALID_REQUEST, "entity references are not allowed");
                default -> {
                    // everything else is judged by the caller
                }
            }
            return event;
        }

        private void expectStart(String element, String problem) throws XMLStreamException, Refusal {
            if (nextTag() != XMLStreamConstants.START_ELEMENT) {
                throw new Refusal(Fault.INVALID_REQUEST, problem);
            }
            requireElement(element, problem);
        }

        private void expectEnd(String problem) throws XMLStreamException, Refusal {
            if (nextTag() != XMLStreamConstants.END_ELEMENT) {
                throw new Refusal(Fault.INVALID_REQUEST, problem);
            }
        }

        private void requireElement(String element, String problem) throws Refusal {
            if (!isElement(element)) {
                throw new Refusal(Fault.INVALID_REQUEST, problem);
            }
        }

        private boolean isElement(String element) {
            return reader.getLocalName().equals(element);
        }

        /** XML-RPC elements carry no namespace and no attributes. */
        private void checkPlain() throws Refusal {
            String namespace = reader.getNamespaceURI();
            if ((namespace != null && !namespace.isEmpty()) || !reader.getPrefix().isEmpty()) {
                throw new Refusal(Fault.INVALID_REQUEST, "XML-RPC elements have no namespace");
            }
            if (reader.getAttributeCount() != 0 || reader.getNamespaceCount() != 0) {
                throw new Refusal(Fault.INVALID_REQUEST, "XML-RPC elements have no attributes");
            }
        }
    }

    private static boolean isBlank(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isXmlSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isXmlSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isXmlSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
