package dev.parley.pingback.fetch.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the charset of a body: a byte order mark, then the {@code Content-Type} header's charset, then (for
 * HTML) a {@code <meta charset>} or {@code <meta http-equiv="content-type">} in the first 1024 bytes, then UTF-8.
 * The BOM comes first and labels follow the WHATWG Encoding Standard where it differs from Java ({@code iso-8859-1}
 * and {@code us-ascii} mean windows-1252; a meta tag naming UTF-16 means UTF-8), so the text is what a browser
 * would show. Stateless.
 */
final class CharsetDetector {

    /** How far the HTML prescan looks, as in the HTML Standard's encoding sniffing algorithm. */
    static final int PRESCAN_BYTES = 1024;

    private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);
    private static final Pattern META = Pattern.compile("<meta[\\s/][^>]*>?", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET =
            Pattern.compile("[\\s/]charset\\s*=\\s*[\"']?([^\\s\"'/>;]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTTP_EQUIV =
            Pattern.compile("http-equiv\\s*=\\s*[\"']?content-type", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENT_CHARSET =
            Pattern.compile("content\\s*=\\s*(?:\"[^\"]*?|'[^']*?|[^\\s>]*?)charset\\s*=\\s*[\"']?([^\\s\"';>]+)",
                    Pattern.CASE_INSENSITIVE);

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CharsetDetector() {
    }

    /** The chosen charset and the length of the byte order mark to skip. */
    record Detected(Charset charset, int bomLength) {
    }

    static Detected detect(byte[] body, int length, @Nullable String headerCharset, boolean html) {
        Detected bom = bom(body, length);
        if (bom != null) {
            return bom;
        }
        Charset fromHeader = headerCharset == null ? null : lookup(headerCharset);
        if (fromHeader != null) {
            return new Detected(fromHeader, 0);
        }
        if (html) {
            Charset fromMeta = prescan(body, length);
            if (fromMeta != null) {
                return new Detected(fromMeta, 0);
            }
        }
        return new Detected(StandardCharsets.UTF_8, 0);
    }

    private static @Nullable Detected bom(byte[] b, int length) {
        if (length >= 3 && b[0] == (byte) 0xef && b[1] == (byte) 0xbb && b[2] == (byte) 0xbf) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (length >= 2 && b[0] == (byte) 0xfe && b[1] == (byte) 0xff) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        if (length >= 2 && b[0] == (byte) 0xff && b[1] == (byte) 0xfe) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        return null;
    }

    private static @Nullable Charset prescan(byte[] body, int length) {
        String head = new String(body, 0, Math.min(length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        head = COMMENT.matcher(head).replaceAll(" ");
        Matcher meta = META.matcher(head);
        while (meta.find()) {
            String tag = meta.group();
            Matcher charset = META_CHARSET.matcher(tag);
            String label = null;
            if (charset.find()) {
                label = charset.group(1);
            } else if (HTTP_EQUIV.matcher(tag).find()) {
                Matcher content = CONTENT_CHARSET.matcher(tag);
                label = content.find() ? content.group(1) : null;
            }
            Charset found = label == null ? null : lookup(label);
            if (found != null) {
                String name = found.name();
                return name.startsWith("UTF-16") ? StandardCharsets.UTF_8 : found;
            }
        }
        return null;
    }

    /** A supported charset for a label, with the WHATWG aliases browsers apply; {@code null} if unknown. */
    static @Nullable Charset lookup(String label) {
        String name = label.strip().toLowerCase(Locale.ROOT);
        switch (name) {
            case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "iso_8859-1", "cp819",
                    "ibm819", "iso-ir-100", "windows-1252", "cp1252", "x-cp1252" -> {
                return WINDOWS_1252;
            }
            default -> {
                try {
                    return Charset.isSupported(name) ? Charset.forName(name) : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
    }
}
