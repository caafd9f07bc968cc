package dev.parley.pingback.send;

import java.io.StringReader;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
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

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.FALSE);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are never resolved");
        });
        f.setProperty("jdk.xml.entityExpansionLimit", "64");
        f.setProperty("jdk.xml.totalEntitySizeLimit", "4096");
        f.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "1024");
        f.setProperty("jdk.xml.maxParameterEntitySizeLimit", "1024");
        f.setProperty("jdk.xml.elementAttributeLimit", "64");
        f.setProperty("jdk.xml.maxXMLNameLimit", "256");
        f.setProperty("jdk.xml.maxElementDepth", "16");
        return f;
    }
}
