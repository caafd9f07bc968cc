package dev.parley.pingback.xmlrpc;

import dev.parley.pingback.Fault;
import dev.parley.pingback.xmlrpc.internal.XmlText;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes the XML-RPC answers to a {@code pingback.ping} call.
 *
 * <p>An XML-RPC server answers every call, successful or not, with HTTP 200 and a body of type
 * {@value #CONTENT_TYPE}. The bodies are UTF-8, start with {@code <?xml version="1.0" encoding="UTF-8"?>} and a
 * line feed, and carry the rest on one line, for example:
 *
 * <pre>{@code
 * <?xml version="1.0" encoding="UTF-8"?>
 * <methodResponse><fault><value><struct><member><name>faultCode</name><value><int>17</int></value></member><member><name>faultString</name><value><string>no link</string></value></member></struct></value></fault></methodResponse>
 * }</pre>
 *
 * <p>Messages are escaped as XML character data; characters XML cannot carry become U+FFFD. Every call returns
 * a new array. Stateless and thread-safe.
 */
public final class PingbackResponses {

    /** The Content-Type of every answer. */
    public static final String CONTENT_TYPE = "text/xml; charset=UTF-8";

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private PingbackResponses() {
    }

    /**
     * Returns the success answer: a single string parameter.
     *
     * @param message the text for the pinging server, e.g. "Pingback from ... registered."
     * @return the UTF-8 body
     * @throws NullPointerException if {@code message} is null
     */
    public static byte[] success(String message) {
        Objects.requireNonNull(message, "message must not be null");
        StringBuilder out = new StringBuilder(160 + message.length());
        out.append(PROLOG).append("<methodResponse><params><param><value><string>");
        XmlText.appendEscaped(out, message);
        out.append("</string></value></param></params></methodResponse>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns the fault answer: a struct with {@code faultCode} ({@link Fault#code()}) and {@code faultString}.
     *
     * @param fault the fault
     * @param message the fault string
     * @return the UTF-8 body
     * @throws NullPointerException if an argument is null
     */
    public static byte[] fault(Fault fault, String message) {
        Objects.requireNonNull(fault, "fault must not be null");
        Objects.requireNonNull(message, "message must not be null");
        StringBuilder out = new StringBuilder(260 + message.length());
        out.append(PROLOG)
                .append("<methodResponse><fault><value><struct>")
                .append("<member><name>faultCode</name><value><int>").append(fault.code()).append("</int></value></member>")
                .append("<member><name>faultString</name><value><string>");
        XmlText.appendEscaped(out, message);
        out.append("</string></value></member></struct></value></fault></methodResponse>");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns the fault answer for a refused parse.
     *
     * @param refused what the parser refused
     * @return the UTF-8 body
     * @throws NullPointerException if {@code refused} is null
     */
    public static byte[] fault(PingbackParse.Refused refused) {
        Objects.requireNonNull(refused, "refused must not be null");
        return fault(refused.fault(), refused.message());
    }
}
