package dev.parley.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.parley.core.content.internal.ContentPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known XSS vectors (in {@code xss-vectors.txt}), each rendered as HTML and as plain text. The output is parsed
 * again with jsoup and inspected: no script, no event handler, no element or attribute outside the safelist,
 * no link or citation with another scheme; and it is a fixed point that jsoup's own cleaner, given the same
 * safelist, accepts unchanged.
 */
class XssVectorsTest {

    private static final ContentRenderer RENDERER = ContentRenderer.standard();

    private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "a", Set.of("href", "title", "rel"),
            "abbr", Set.of("title"),
            "acronym", Set.of("title"),
            "blockquote", Set.of("cite"),
            "q", Set.of("cite"),
            "del", Set.of("datetime"));

    static List<String> vectors() throws IOException {
        try (InputStream in = XssVectorsTest.class.getResourceAsStream("xss-vectors.txt")) {
            assertThat(in).as("xss-vectors.txt on the test class path").isNotNull();
            List<String> vectors = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    vectors.add(unescape(line));
                }
            }
            return vectors;
        }
    }

    static Stream<Arguments> vectorsInBothFormats() throws IOException {
        return vectors().stream()
                .flatMap(vector -> Stream.of(InputFormat.HTML, InputFormat.PLAIN_TEXT)
                        .map(format -> arguments(format, vector)));
    }

    @Test
    void theCorpusHoldsAtLeastOneHundredVectors() throws IOException {
        assertThat(vectors()).hasSizeGreaterThanOrEqualTo(100).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("vectorsInBothFormats")
    void outputHoldsNothingExecutable(InputFormat format, String vector) {
        String html = RENDERER.render(vector, format);

        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script");
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            String tag = element.normalName();
            assertThat(ContentPolicy.TAGS).as("element in %s", html).contains(tag);
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute in %s", html).doesNotStartWith("on");
                assertThat(ATTRIBUTES.getOrDefault(tag, Set.of())).as("attribute of <%s> in %s", tag, html)
                        .contains(name);
                String value = attribute.getValue().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "href" -> assertThat(value).as("href in %s", html)
                            .matches("(https?://|mailto:)[^\\t\\n\\r]*");
                    case "cite" -> assertThat(value).as("cite in %s", html).matches("https?://[^\\t\\n\\r]*");
                    case "rel" -> assertThat(value).isEqualTo("nofollow ugc");
                    default -> {
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("vectorsInBothFormats")
    void outputIsAFixedPointThatJsoupsCleanerAccepts(InputFormat format, String vector) {
        String html = RENDERER.render(vector, format);

        assertThat(RENDERER.render(html, InputFormat.HTML)).isEqualTo(html);
        assertThat(new Cleaner(ContentPolicy.safelist()).isValid(Jsoup.parseBodyFragment(html)))
                .as("jsoup's Cleaner finds nothing to remove in %s", html).isTrue();
    }

    private static String unescape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 == line.length()) {
                out.append(c);
                continue;
            }
            char next = line.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'f' -> out.append('\f');
                case '0' -> out.append('\0');
                case '\\' -> out.append('\\');
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }
}
