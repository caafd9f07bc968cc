package dev.parley.core.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class IdenticonTest {

    private static final AvatarHash HASH = AvatarHash.ofEmail("myemailaddress@example.com");
    private static final Pattern CELL = Pattern.compile("M(\\d+) (\\d+)h2v2h-2z");

    @Test
    void sameHashGivesTheSameSvg() {
        assertThat(Identicon.svg(HASH, 64)).isEqualTo(Identicon.svg(AvatarHash.ofEmail(" MYEMAILADDRESS@example.com"), 64));
    }

    @Test
    void differentHashesGiveDifferentSvgs() {
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            drawn.add(Identicon.svg(AvatarHash.ofKey("author " + i), 64));
        }
        assertThat(drawn).hasSizeGreaterThan(45);
    }

    @Test
    void svgHasAFixedStructureWithNothingExecutable() {
        Document svg = Jsoup.parse(Identicon.svg(HASH, 48), "", Parser.xmlParser());
        Element root = svg.child(0);
        assertThat(root.tagName()).isEqualTo("svg");
        assertThat(root.attributes().asList()).extracting(Attribute::getKey)
                .containsExactly("xmlns", "width", "height", "viewBox", "shape-rendering");
        assertThat(root.attr("width")).isEqualTo("48");
        assertThat(root.children()).extracting(Element::tagName).containsExactly("rect", "path");
        assertThat(root.child(0).attributes().asList()).extracting(Attribute::getKey)
                .containsExactly("width", "height", "fill");
        assertThat(root.child(1).attributes().asList()).extracting(Attribute::getKey).containsExactly("fill", "d");
        assertThat(root.child(1).attr("fill")).matches("#[0-9a-f]{6}");
        assertThat(root.child(1).attr("d")).matches("(M\\d+ \\d+h2v2h-2z)*");
    }

    @Test
    void gridIsFiveByFiveAndMirroredLeftToRight() {
        for (int i = 0; i < 20; i++) {
            String d = Jsoup.parse(Identicon.svg(AvatarHash.ofKey("k" + i), 40), "", Parser.xmlParser())
                    .selectFirst("path").attr("d");
            Set<List<Integer>> cells = new HashSet<>();
            Matcher m = CELL.matcher(d);
            while (m.find()) {
                int column = (Integer.parseInt(m.group(1)) - 1) / 2;
                int row = (Integer.parseInt(m.group(2)) - 1) / 2;
                assertThat(column).isBetween(0, 4);
                assertThat(row).isBetween(0, 4);
                cells.add(List.of(column, row));
            }
            for (List<Integer> cell : cells) {
                assertThat(cells).as("mirror of %s in %s", cell, d).contains(List.of(4 - cell.get(0), cell.get(1)));
            }
        }
    }

    @Test
    void colourComesFromTheHash() {
        // hue 0 and 120, saturation 45 %, lightness 40 %: chroma 0.36, so channels 0.58 and 0.22 of 255.
        assertThat(Identicon.colour(new byte[] {0, 0, 0})).isEqualTo("#943838");
        assertThat(Identicon.colour(new byte[] {0, 120, 0})).isEqualTo("#389438");
        assertThat(Identicon.svg(HASH, 10)).contains(Identicon.colour(HASH.bytes()));
    }

    @Test
    void dataUrlIsTheBase64Svg() {
        String url = Identicon.dataUrl(HASH, 32);
        assertThat(url).startsWith("data:image/svg+xml;base64,");
        assertThat(new String(Base64.getDecoder().decode(url.substring(26)), StandardCharsets.UTF_8))
                .isEqualTo(Identicon.svg(HASH, 32));
    }

    @Test
    void rejectsBadArgumentsByName() {
        assertThatThrownBy(() -> Identicon.svg(HASH, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size");
        assertThatThrownBy(() -> Identicon.svg(null, 10)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("hash");
    }
}
