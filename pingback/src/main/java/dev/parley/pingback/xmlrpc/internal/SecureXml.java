package dev.parley.pingback.xmlrpc.internal;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The hardened StAX factory every XML reader of this module uses, for requests received and for answers read when
 * sending. Not API.
 *
 * <p>Stateless and thread-safe; each factory it returns is new and, like any {@link XMLInputFactory}, must be
 * used by one thread at a time.
 */
public final class SecureXml {

    private static final String REUSE_INSTANCE = "reuse-instance";

    private SecureXml() {
    }

    /**
     * Returns a new JDK StAX factory ({@link XMLInputFactory#newDefaultFactory()}, so a StAX implementation elsewhere
     * on the class path cannot change the settings) with DTD support, external entities and validation off, no
     * resolver, tight JDK entity and name limits, and the element depth capped.
     *
     * <p>With DTD support off the JDK reports a DOCTYPE as one {@code DTD} event without processing it (no
     * parameter entities, no external subset); readers turn that event, and any entity reference, into a refusal.
     *
     * @param maxDepth the deepest element nesting the reader will accept; the JDK limit is set one above it so the
     *     reader's own counter reports the problem first
     * @return the factory
     */
    public static XMLInputFactory factory(int maxDepth) {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are never resolved");
        });
        // The JDK's StAX factory runs with secure processing on; these tighten its limits further. Zero would
        // mean "unlimited" to the JDK, so every limit is positive.
        f.setProperty("jdk.xml.entityExpansionLimit", "64");
        f.setProperty("jdk.xml.totalEntitySizeLimit", "4096");
        f.setProperty("jdk.xml.maxGeneralEntitySizeLimit", "1024");
        f.setProperty("jdk.xml.maxParameterEntitySizeLimit", "1024");
        f.setProperty("jdk.xml.elementAttributeLimit", "16");
        f.setProperty("jdk.xml.maxXMLNameLimit", "256");
        f.setProperty("jdk.xml.maxElementDepth", Integer.toString(maxDepth + 1));
        return f;
    }

    /**
     * Returns {@link #factory(int)} told to reuse its stream reader between documents ({@code reuse-instance},
     * which resets all scanner state), for a pooled factory.
     *
     * @param maxDepth as for {@link #factory(int)}
     * @return the factory
     */
    public static XMLInputFactory reusingFactory(int maxDepth) {
        XMLInputFactory f = factory(maxDepth);
        if (f.isPropertySupported(REUSE_INSTANCE)) {
            f.setProperty(REUSE_INSTANCE, Boolean.TRUE);
        }
        return f;
    }
}
