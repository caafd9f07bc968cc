package dev.parley.pingback.trackback.internal;

import dev.parley.pingback.xmlrpc.internal.BoundedBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checks every form-post linkback shares: method, Content-Type, charset, size, then field decoding. Not
 * API.
 *
 * <p>Stateless and thread-safe.
 */
public final class FormPost {

    private FormPost() {
    }

    /**
     * Checks the request line and headers, so a body that would be refused anyway need not be read.
     *
     * @param protocol the protocol name, for messages
     * @param method the HTTP method; only {@code POST} is accepted, so a GET never records anything
     * @param contentType the Content-Type header value, or null when absent
     * @return null if the body should be read, else the problem to answer with
     */
    public static FormBody.@Nullable Malformed requestProblem(String protocol, String method,
            @Nullable String contentType) {
        if (!method.equals("POST")) {
            return new FormBody.Malformed(protocol + " requests must use the POST method");
        }
        if (contentType == null || !ContentType.parse(contentType).mediaType().equals(ContentType.FORM)) {
            return new FormBody.Malformed("Content-Type must be " + ContentType.FORM);
        }
        if (charset(contentType) == null) {
            return new FormBody.Malformed("unsupported charset in Content-Type");
        }
        return null;
    }

    /**
     * Checks the request line and headers, then decodes the wanted fields.
     *
     * @param protocol the protocol name, for messages
     * @param method the HTTP method; only {@code POST} is accepted
     * @param contentType the Content-Type header value, or null when absent
     * @param body the body bytes, or null when the body was longer than {@code maxBodyBytes}
     * @param maxBodyBytes the body cap, for the message
     * @param wanted the field names to decode
     * @return the fields, or the problem to answer with
     */
    public static FormBody.Decoded decode(String protocol, String method, @Nullable String contentType,
            byte @Nullable [] body, int maxBodyBytes, Set<String> wanted) {
        FormBody.Malformed problem = requestProblem(protocol, method, contentType);
        if (problem != null) {
            return problem;
        }
        if (body == null || body.length > maxBodyBytes) {
            return new FormBody.Malformed("request body exceeds " + maxBodyBytes + " bytes");
        }
        // requestProblem has vouched for both the header and its charset.
        Charset charset = Objects.requireNonNull(charset(Objects.requireNonNull(contentType)));
        return FormBody.decode(body, charset, wanted);
    }

    /**
     * Checks the request line and headers, and only then reads the body, never past the cap plus one byte (the
     * stream is not closed), and decodes the wanted fields.
     *
     * @param protocol the protocol name, for messages
     * @param method the HTTP method; only {@code POST} is accepted
     * @param contentType the Content-Type header value, or null when absent
     * @param body the body stream
     * @param maxBodyBytes the body cap
     * @param wanted the field names to decode
     * @return the fields, or the problem to answer with; a failure to read the stream is a problem too
     */
    public static FormBody.Decoded read(String protocol, String method, @Nullable String contentType,
            InputStream body, int maxBodyBytes, Set<String> wanted) {
        FormBody.Malformed problem = requestProblem(protocol, method, contentType);
        if (problem != null) {
            return problem;
        }
        byte[] bytes;
        try {
            bytes = BoundedBody.read(body, maxBodyBytes);
        } catch (IOException e) {
            return new FormBody.Malformed("could not read the request body");
        }
        return decode(protocol, method, contentType, bytes, maxBodyBytes, wanted);
    }

    /** The charset the header names, UTF-8 when it names none, or null when the JDK does not know it. */
    private static @Nullable Charset charset(String contentType) {
        String name = ContentType.parse(contentType).charset();
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
