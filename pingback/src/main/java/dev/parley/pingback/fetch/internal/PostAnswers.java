package dev.parley.pingback.fetch.internal;

import dev.parley.pingback.fetch.PostResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the answer to a POST: the body with the same framing, decoding and byte cap as a page, of any status and
 * any media type, decoded as text. The charset is a byte order mark's, else the {@code Content-Type} charset,
 * else for XML types the XML declaration's encoding, else for HTML the {@code <meta>} prescan, else UTF-8.
 * Stateless.
 */
final class PostAnswers {

    private static final int DECLARATION_WINDOW = 256;
    private static final Pattern XML_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private PostAnswers() {
    }

    static PostResult.Answered read(URI uri, ResponseHead head, InputStream in, int maxBytes) throws IOException {
        BodyReader.Body body = BodyReader.read(head, in, maxBytes, false);
        String contentType = head.first("content-type");
        MediaType mediaType = contentType == null ? null : MediaType.parse(contentType);
        String essence = mediaType == null ? "" : mediaType.essence();
        @Nullable String declared = mediaType == null ? null : mediaType.charset();
        if ((declared == null || CharsetDetector.lookup(declared) == null) && isXml(essence)) {
            declared = xmlEncoding(body);
        }
        CharsetDetector.Detected detected = CharsetDetector.detect(body.bytes(), body.length(), declared,
                essence.equals("text/html") || essence.equals("application/xhtml+xml"));
        Charset charset = detected.charset();
        String text = new String(body.bytes(), detected.bomLength(), body.length() - detected.bomLength(), charset);
        return new PostResult.Answered(uri, head.status(), essence, charset, text, head.headers());
    }

    private static boolean isXml(String essence) {
        return essence.equals("text/xml") || essence.equals("application/xml") || essence.endsWith("+xml");
    }

    /** The encoding an ASCII-compatible XML declaration names; UTF-16 there cannot be true of ASCII bytes. */
    private static @Nullable String xmlEncoding(BodyReader.Body body) {
        String start = new String(body.bytes(), 0, Math.min(body.length(), DECLARATION_WINDOW),
                StandardCharsets.ISO_8859_1);
        Matcher matcher = XML_ENCODING.matcher(start);
        if (!matcher.find() || matcher.group(1).toLowerCase(Locale.ROOT).startsWith("utf-16")) {
            return null;
        }
        return matcher.group(1);
    }
}
