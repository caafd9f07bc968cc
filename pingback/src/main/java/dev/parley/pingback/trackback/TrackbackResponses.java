package dev.parley.pingback.trackback;

import dev.parley.pingback.Fault;
import dev.parley.pingback.xmlrpc.internal.XmlText;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes the TrackBack 1.2 answers, in the specification's layout (one element per line):
 *
 * <pre>{@code
 * <?xml version="1.0" encoding="utf-8"?>
 * <response>
 * <error>1</error>
 * <message>The error message</message>
 * </response>
 * }</pre>
 *
 * <p>Answers are sent with HTTP 200 and {@value #CONTENT_TYPE}; the error code inside the body tells success
 * (0) from failure (1). Bodies are UTF-8 and end with a line feed; messages are escaped as XML character data.
 * Every call returns a new array. Stateless and thread-safe.
 */
public final class TrackbackResponses {

    /** The Content-Type of every answer. */
    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    private TrackbackResponses() {
    }

    /**
     * Returns the success answer, {@code <error>0</error>}.
     *
     * @return the UTF-8 body
     */
    public static byte[] success() {
        return (PROLOG + "<response>\n<error>0</error>\n</response>\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns the error answer, {@code <error>1</error>} with a message.
     *
     * @param message the explanation for the sender
     * @return the UTF-8 body
     * @throws NullPointerException if {@code message} is null
     */
    public static byte[] error(String message) {
        Objects.requireNonNull(message, "message must not be null");
        StringBuilder out = new StringBuilder(120 + message.length())
                .append(PROLOG).append("<response>\n<error>1</error>\n<message>");
        XmlText.appendEscaped(out, message);
        out.append("</message>\n</response>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns the error answer for a fault: TrackBack has a single error code, so the fault shows only through
     * the message.
     *
     * @param fault the fault (checked for null; every fault maps to error 1)
     * @param message the explanation for the sender
     * @return the UTF-8 body
     * @throws NullPointerException if an argument is null
     */
    public static byte[] fault(Fault fault, String message) {
        Objects.requireNonNull(fault, "fault must not be null");
        return error(message);
    }

    /**
     * Returns the error answer for a refused parse.
     *
     * @param refused what the parser refused
     * @return the UTF-8 body
     * @throws NullPointerException if {@code refused} is null
     */
    public static byte[] fault(TrackbackParse.Refused refused) {
        Objects.requireNonNull(refused, "refused must not be null");
        return error(refused.message());
    }
}
