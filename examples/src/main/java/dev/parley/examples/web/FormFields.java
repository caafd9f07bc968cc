package dev.parley.examples.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.util.Promise;
import org.jspecify.annotations.Nullable;

/**
 * The fields of a posted form, read so that a reader never loses what they typed: where the container would
 * refuse the whole body (bytes that are not UTF-8, a {@code multipart/form-data} body), this keeps every field
 * it can read and says what was wrong, so the page can answer with the form filled in.
 *
 * <p>A URL-encoded body is decoded here rather than by the container: a malformed {@code %} escape is kept as
 * typed, and bytes that are not text in the body's charset (UTF-8 unless the request names another) become
 * U+FFFD and put the field in {@link #garbled()}. A multipart body's text parts are read the same way; the
 * page does not take that encoding, which {@link #unsupportedType()} tells. The body has already been bounded
 * by {@link BodyLimitHandler} and read into memory by the eager content loading, so it is read whole.
 *
 * @param values the first value of each field by name
 * @param garbled the names of fields that held bytes that are not text, sorted
 * @param unsupportedType the body's media type when it is not URL-encoded (a body without a type is read as
 *     URL-encoded), else {@code null}
 */
public record FormFields(Map<String, String> values, Set<String> garbled, @Nullable String unsupportedType) {

    private static final String URL_ENCODED = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";
    /** More parts than any form of the demo has, so a body of thousands of tiny parts is not parsed. */
    private static final int MAX_PARTS = 32;

    /**
     * Copies the collections.
     */
    public FormFields {
        values = Map.copyOf(values);
        garbled = Set.copyOf(garbled);
    }

    /**
     * Reads the fields of a POST.
     *
     * @param request the request; its body is read here, and must not have been read before
     * @return the fields
     * @throws IOException if the body cannot be read
     */
    public static FormFields read(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String encoding = request.getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        byte[] body = request.getInputStream().readAllBytes();
        if (mediaType.equals(URL_ENCODED) || mediaType.isEmpty()) {
            return urlEncoded(body, charset);
        }
        if (mediaType.equals(MULTIPART)) {
            FormFields parts = multipart(contentType, body, charset);
            return new FormFields(parts.values(), parts.garbled(), mediaType);
        }
        return new FormFields(Map.of(), Set.of(), mediaType);
    }

    /**
     * A field's value.
     *
     * @param name the field's name
     * @return the first value sent, or the empty string
     */
    public String get(String name) {
        return values.getOrDefault(Objects.requireNonNull(name, "name"), "");
    }

    private static FormFields urlEncoded(byte[] body, Charset charset) {
        Map<String, String> values = new HashMap<>();
        Set<String> garbled = new TreeSet<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            int equals = indexOf(body, (byte) '=', start);
            if (end > start) {
                int nameEnd = equals >= 0 && equals < end ? equals : end;
                String name = decode(unescape(body, start, nameEnd), charset);
                byte[] raw = nameEnd < end ? unescape(body, nameEnd + 1, end) : new byte[0];
                String value = decode(raw, charset);
                if (name != null && !values.containsKey(name)) {
                    if (value == null) {
                        garbled.add(name);
                        value = lenient(raw, charset);
                    }
                    values.put(name, value);
                }
            }
            start = end + 1;
        }
        return new FormFields(values, garbled, null);
    }

    private static FormFields multipart(String contentType, byte[] body, Charset charset) throws IOException {
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(MultiPart.extractBoundary(contentType));
        parser.setMaxParts(MAX_PARTS);
        parser.setMaxLength(body.length);
        // Everything stays in memory: the body is already there, and bounded.
        parser.setMaxMemoryFileSize(body.length);
        parser.setUseFilesForPartsWithoutFileName(false);
        Map<String, String> values = new HashMap<>();
        Set<String> garbled = new TreeSet<>();
        CompletableFuture<MultiPartFormData.Parts> parsed = new CompletableFuture<>();
        // The whole body is in memory, so the parse completes within this call.
        parser.parse(new ByteBufferContentSource(ByteBuffer.wrap(body)), Promise.Invocable.toPromise(parsed));
        try (MultiPartFormData.Parts parts = parsed.get(10, TimeUnit.SECONDS)) {
            for (MultiPart.Part part : parts) {
                String name = part.getName();
                if (name == null || part.getFileName() != null || values.containsKey(name)) {
                    continue;
                }
                // ISO-8859-1 maps each byte to one char and back: the part's raw bytes, decoded below.
                byte[] raw = part.getContentAsString(StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
                String value = decode(raw, charset);
                if (value == null) {
                    garbled.add(name);
                    value = lenient(raw, charset);
                }
                values.put(name, value);
            }
        } catch (ExecutionException | TimeoutException | IllegalArgumentException e) {
            // A malformed multipart body: keep what was read, which may be nothing; the page says why.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading a multipart body", e);
        }
        return new FormFields(values, garbled, MULTIPART);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    /** Undoes {@code +} and {@code %XX}; a {@code %} not followed by two hex digits is kept as typed. */
    private static byte[] unescape(byte[] body, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && i + 2 < to && hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
                out.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    /** The text, or {@code null} if the bytes are not text in this charset. */
    private static @Nullable String decode(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The text with every byte that is not text replaced by U+FFFD. */
    private static String lenient(byte[] bytes, Charset charset) {
        return new String(bytes, charset);
    }
}
