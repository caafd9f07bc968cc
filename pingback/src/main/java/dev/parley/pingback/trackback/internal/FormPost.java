package dev.parley.pingback.trackback.internal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
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
        Object checked = charsetOf(protocol, method, contentType);
        return checked instanceof FormBody.Malformed m ? m : null;
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
        Object checked = charsetOf(protocol, method, contentType);
        if (checked instanceof FormBody.Malformed m) {
            return m;
        }
        if (body == null || body.length > maxBodyBytes) {
            return new FormBody.Malformed("request body exceeds " + maxBodyBytes + " bytes");
        }
        return FormBody.decode(body, (Charset) checked, wanted);
    }

    /** Returns the body's charset, or a Malformed saying why the request is unacceptable. */
    private static Object charsetOf(String protocol, String method, @Nullable String contentType) {
        if (!method.equals("POST")) {
            return new FormBody.Malformed(protocol + " requests must use the POST method");
        }
        ContentType type = contentType == null ? null : ContentType.parse(contentType);
        if (type == null || !type.mediaType().equals(ContentType.FORM)) {
            return new FormBody.Malformed("Content-Type must be " + ContentType.FORM);
        }
        String name = type.charset();
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return new FormBody.Malformed("unsupported charset in Content-Type");
        }
    }
}
