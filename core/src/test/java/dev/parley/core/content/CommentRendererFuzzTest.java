package dev.parley.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.core.content.internal.ContentPolicy;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.junit.jupiter.api.DisplayName;

/**
 * Fuzz targets for the comment renderer, one per input format. Each input's bytes are read as UTF-8 (malformed
 * sequences become U+FFFD) and rendered; the output must keep the sanitizer's own invariants (only safelisted
 * elements and attributes, only http, https or mailto links and http or https citations, {@code rel="nofollow
 * ugc"} on every link, nothing a browser would parse as script, well-formed markup that jsoup parses without an
 * error and its cleaner accepts unchanged) and be a fixed point: rendering it again as HTML returns it unchanged.
 *
 * <p>Without {@code JAZZER_FUZZ} these run in regression mode over the inputs kept under
 * {@code src/test/resources/dev/parley/core/content/CommentRendererFuzzTestInputs/}; {@code scripts/fuzz.sh}
 * fuzzes them.
 */
class CommentRendererFuzzTest {

    private static final ContentRenderer RENDERER = CommentRenderer.standard();

    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "a", Set.of("href", "title", "rel"),
            "abbr", Set.of("title"),
            "acronym", Set.of("title"),
            "blockquote", Set.of("cite"),
            "q", Set.of("cite"),
            "del", Set.of("datetime"));

    @FuzzTest
    @DisplayName("HTML input renders to safe, well-formed HTML that renders to itself")
    void htmlInput(byte[] input) {
        checkRendering(new String(input, StandardCharsets.UTF_8), InputFormat.HTML);
    }

    @FuzzTest
    @DisplayName("plain-text input renders to safe, well-formed HTML that renders to itself")
    void plainTextInput(byte[] input) {
        checkRendering(new String(input, StandardCharsets.UTF_8), InputFormat.PLAIN_TEXT);
    }

    private static void checkRendering(String raw, InputFormat format) {
        String html = RENDERER.render(raw, format);

        assertSafe(html);
        assertThat(RENDERER.render(html, InputFormat.HTML)).as("rendering %s again as HTML", html).isEqualTo(html);
    }

    static void assertSafe(String html) {
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
        Parser parser = Parser.htmlParser().setTrackErrors(8);
        Element body = Jsoup.parse("<!DOCTYPE html><html><head></head><body>" + html + "</body></html>", "", parser)
                .body();
        assertThat(parser.getErrors()).as("parse errors in %s", html).isEmpty();
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            String tag = element.normalName();
            assertThat(ContentPolicy.TAGS).as("element in %s", html).contains(tag);
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(ATTRIBUTES.getOrDefault(tag, Set.of())).as("attribute of <%s> in %s", tag, html)
                        .contains(name);
                String value = attribute.getValue().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "href" -> assertThat(value).as("href in %s", html)
                            .matches("(https?://|mailto:)[^\\t\\n\\r]*");
                    case "cite" -> assertThat(value).as("cite in %s", html).matches("https?://[^\\t\\n\\r]*");
                    case "rel" -> assertThat(value).as("rel in %s", html).isEqualTo("nofollow ugc");
                    default -> {
                    }
                }
            }
            if (tag.equals("a")) {
                assertThat(element.attr("rel")).as("rel of a link in %s", html).isEqualTo("nofollow ugc");
            }
        }
        assertThat(new Cleaner(ContentPolicy.safelist()).isValid(Jsoup.parseBodyFragment(html)))
                .as("jsoup's Cleaner finds nothing to remove in %s", html).isTrue();
    }
}
