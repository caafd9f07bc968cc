package dev.parley.migrate;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An XML document read back with the JDK's StAX, namespace-aware and coalescing (adjacent CDATA sections and
 * character references are one text), into a small tree the export tests assert on. Names are written with
 * the prefix the test gives each namespace URI, whatever prefix the document used.
 *
 * @param name the element's name, {@code prefix:local}
 * @param attributes its attributes by local name
 * @param namespaces the namespaces it declares, URI by prefix
 * @param text its text, exactly
 * @param children its child elements, in order
 */
public record XmlTree(String name, Map<String, String> attributes, Map<String, String> namespaces, String text,
        List<XmlTree> children) {

    /**
     * Reads a document.
     *
     * @param xml the bytes
     * @param prefixes the prefix to name each namespace URI's elements with
     * @return the root element
     * @throws XMLStreamException if the document is not well-formed
     */
    public static XmlTree parse(byte[] xml, Map<String, String> prefixes) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
        Deque<Builder> open = new ArrayDeque<>();
        XmlTree root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String uri = reader.getNamespaceURI();
                String name = uri == null || uri.isEmpty() ? reader.getLocalName()
                        : prefixes.getOrDefault(uri, "{" + uri + "}") + ":" + reader.getLocalName();
                Builder element = new Builder(name);
                for (int i = 0; i < reader.getAttributeCount(); i++) {
                    element.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                }
                for (int i = 0; i < reader.getNamespaceCount(); i++) {
                    element.namespaces.put(reader.getNamespacePrefix(i), reader.getNamespaceURI(i));
                }
                open.push(element);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (!open.isEmpty()) {
                    open.peek().text.append(reader.getText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                XmlTree done = open.pop().build();
                if (open.isEmpty()) {
                    root = done;
                } else {
                    open.peek().children.add(done);
                }
            }
        }
        return root;
    }

    /**
     * Returns the children with a name.
     *
     * @param childName the name
     * @return them, in order
     */
    public List<XmlTree> all(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).toList();
    }

    /**
     * Returns the only child with a name.
     *
     * @param childName the name
     * @return the child
     */
    public XmlTree one(String childName) {
        List<XmlTree> found = all(childName);
        if (found.size() != 1) {
            throw new AssertionError(name + " has " + found.size() + " children named " + childName);
        }
        return found.get(0);
    }

    /**
     * Returns the text of the only child with a name.
     *
     * @param childName the name
     * @return its text
     */
    public String text(String childName) {
        return one(childName).text;
    }

    /**
     * Returns the names of the children, in order.
     *
     * @return the names
     */
    public List<String> childNames() {
        return children.stream().map(XmlTree::name).toList();
    }

    /**
     * Returns the text of every child that holds no element, by name, in order (the last of a repeated name).
     *
     * @return the texts
     */
    public Map<String, String> leaves() {
        Map<String, String> leaves = new LinkedHashMap<>();
        for (XmlTree child : children) {
            if (child.children.isEmpty()) {
                leaves.put(child.name, child.text);
            }
        }
        return leaves;
    }

    private static final class Builder {
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final Map<String, String> namespaces = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
        final List<XmlTree> children = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        XmlTree build() {
            return new XmlTree(name, attributes, namespaces, children.isEmpty() ? text.toString() : "", children);
        }
    }
}
