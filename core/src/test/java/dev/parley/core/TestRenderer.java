package dev.parley.core;

import dev.parley.core.content.ContentRenderer;
import dev.parley.core.content.InputFormat;

/**
 * A stand-in renderer that keeps engine tests independent of the sanitizer: plain text is escaped into one
 * paragraph; HTML passes through unchanged (tests control it), so link counts are exact.
 */
final class TestRenderer implements ContentRenderer {

    @Override
    public String render(String raw, InputFormat format) {
        if (format == InputFormat.HTML) {
            return raw;
        }
        return "<p>" + raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>";
    }
}
