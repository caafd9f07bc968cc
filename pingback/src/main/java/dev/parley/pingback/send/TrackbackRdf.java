package dev.parley.pingback.send;

import dev.parley.pingback.xmlrpc.internal.SecureXml;
import java.io.StringReader;
import java.util.function.Predicate;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Finds TrackBack ping URLs in the RDF blocks a page embeds (TrackBack 1.2, "Auto-discovery"): the raw text is
 * scanned for {@code <rdf:RDF ...>...</rdf:RDF>}, usually inside an HTML comment, and each block is read as XML
 * with the JDK's StAX reader hardened as for XML-RPC: no DTD processing, no external entities or resources, small
 * entity and name limits. A block that is not well-formed XML on its own (an undeclared entity, a DOCTYPE, bad
 * nesting) is skipped whole. Prefixes are matched as written ({@code rdf:Description}, {@code dc:identifier},
 * {@code trackback:ping}), as every TrackBack implementation writes them, so a block that forgot its namespace
 * declarations still counts. At most {@link #MAX_BLOCKS} blocks of at most {@link #MAX_BLOCK_CHARS} characters
 * each are read. Stateless and thread-safe.
 */
final class TrackbackRdf {

    /** Blocks after this many are not read: a page describes one entry, or a few on an index page. */
    static final int MAX_BLOCKS = 32;
    /** A block longer than this is skipped without being read. */
    static final int MAX_BLOCK_CHARS = 16_384;

    /** Blocks nest at most 16 elements deep: the JDK limit, which {@link SecureXml#factory(int)} sets one above. */
    private static final int MAX_DEPTH = 15;
    /** An {@code rdf:Description} carries its fields as attributes, more than an XML-RPC element ever has. */
    private static final int MAX_ATTRIBUTES = 64;
    private static final String OPEN = "<rdf:RDF";
    private static final String CLOSE = "</rdf:RDF>";

    private TrackbackRdf() {
    }

    /**
     * Returns the {@code trackback:ping} of the first {@code rdf:Description} whose {@code dc:identifier} is
     * accepted.
     *
     * @param text the raw page text
     * @param identifier accepts a {@code dc:identifier} value as the target's
     * @return the ping URL as written (entities decoded), or null
     */
    static @Nullable String ping(String text, Predicate<String> identifier) {
        int from = 0;
        for (int blocks = 0; blocks < MAX_BLOCKS; ) {
            int start = text.indexOf(OPEN, from);
            if (start < 0) {
                return null;
            }
            int after = start + OPEN.length();
            if (after < text.length() && !isDelimiter(text.charAt(after))) {
                from = after;
                continue;
            }
            int end = text.indexOf(CLOSE, after);
            if (end < 0) {
                return null;
            }
            end += CLOSE.length();
            blocks++;
            from = end;
            if (end - start <= MAX_BLOCK_CHARS) {
                String ping = readBlock(text.substring(start, end), identifier);
                if (ping != null) {
                    return ping;
                }
            }
        }
        return null;
    }

    private static boolean isDelimiter(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/';
    }

    private static @Nullable String readBlock(String block, Predicate<String> identifier) {
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new StringReader(block));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    return null;
                }
                if (event == XMLStreamConstants.START_ELEMENT
                        && qualified(reader.getPrefix(), reader.getLocalName()).equals("rdf:Description")) {
                    String id = null;
                    String ping = null;
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        String name = qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i));
                        if (name.equals("dc:identifier") && id == null) {
                            id = reader.getAttributeValue(i);
                        } else if (name.equals("trackback:ping") && ping == null) {
                            ping = reader.getAttributeValue(i);
                        }
                    }
                    if (id != null && ping != null && identifier.test(id.strip())) {
                        return ping.strip();
                    }
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // Nothing is held open: the reader reads a string.
                }
            }
        }
    }

    /** A namespace-unaware reader may report {@code dc:identifier} whole or split; both read the same here. */
    private static String qualified(@Nullable String prefix, String local) {
        return prefix == null || prefix.isEmpty() || local.indexOf(':') >= 0 ? local : prefix + ":" + local;
    }

    /**
     * The module's hardened factory ({@link SecureXml}), namespace-unaware so prefixes read as written, and with room
     * for the many attributes an {@code rdf:Description} carries. Nothing here counts depth, so the JDK's own limit,
     * one above {@code MAX_DEPTH}, is the cap.
     */
    private static XMLInputFactory factory() {
        XMLInputFactory f = SecureXml.factory(MAX_DEPTH);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.FALSE);
        f.setProperty("jdk.xml.elementAttributeLimit", Integer.toString(MAX_ATTRIBUTES));
        return f;
    }
}
