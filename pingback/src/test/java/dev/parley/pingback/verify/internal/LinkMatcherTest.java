package dev.parley.pingback.verify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LinkMatcher's shortcut never rejects a reference that resolves to the target")
class LinkMatcherTest {

    private static final String[] PIECES = {
        "/", "/", "//", ".", "..", "a", "b", "posts", "hello", "A", "%2e", "%2E", "?", "q=1", "#", "#x", ":",
        "http:", "https:", "HTTPS:", "\\", " ", "\t", "\u00e9", "target.example", "TARGET.example",
        "other.example", "@", ":443", ":80", "~", "'", "x.png", "-", "&", "=", "\n", "e", "2", "./", "../",
        "x.y", "/.", "/..", ".e", "%",
    };
    private static final String[] TARGETS = {
        "https://target.example/posts/hello/", "https://target.example/posts/hello", "https://target.example/",
        "https://target.example/a?q=1", "http://target.example/a/b", "https://target.example:8443/a",
    };
    private static final String[] BASES = {
        "https://target.example/posts/other/page", "https://target.example/", "https://source.example/x/y",
        "http://target.example/a/", "https://target.example/posts/hello/",
    };

    @Test
    void shortcutAgreesWithFullResolutionOnRandomReferences() {
        Random random = new Random(20240601);
        List<String> misses = new ArrayList<>();
        int matched = 0;
        for (int round = 0; round < 100_000; round++) {
            String base = BASES[random.nextInt(BASES.length)];
            String target = TARGETS[random.nextInt(TARGETS.length)];
            StringBuilder reference = new StringBuilder();
            if (random.nextInt(3) == 0) {
                // Start from the target itself or a piece of it, so matches are frequent enough to test.
                String t = target.substring(random.nextInt(target.length()));
                reference.append(random.nextBoolean() ? t : target);
            }
            int pieces = random.nextInt(6);
            for (int i = 0; i < pieces; i++) {
                String piece = PIECES[random.nextInt(PIECES.length)];
                if (random.nextBoolean()) {
                    reference.insert(0, piece);
                } else {
                    reference.append(piece);
                }
            }
            String ref = reference.toString();
            LinkMatcher matcher = new LinkMatcher(base, target);
            boolean resolves = target.equals(Urls.resolve(base, ref));
            if (resolves) {
                matched++;
            }
            if (matcher.matches(ref) != resolves) {
                misses.add(base + " + [" + ref + "] -> " + target);
            }
        }
        assertThat(misses).isEmpty();
        assertThat(matched).isGreaterThan(1000);
    }

    @Test
    void typicalNonMatchingReferencesTakeTheShortcut() {
        LinkMatcher matcher = new LinkMatcher("https://source.example/blog/post", "https://target.example/p/hello/");
        assertThat(matcher.mayMatch("/category/parser-1/")).isFalse();
        assertThat(matcher.mayMatch("https://other.example/")).isFalse();
        assertThat(matcher.mayMatch("/p/hello/?utm_source=x")).isFalse();
        assertThat(matcher.mayMatch("#comments")).isFalse();
        assertThat(matcher.mayMatch("mailto:me@example.com")).isFalse();
        assertThat(matcher.mayMatch("img/photo.png")).isFalse();
        assertThat(matcher.mayMatch("https://Target.Example/p/hello/")).isTrue();
    }
}
