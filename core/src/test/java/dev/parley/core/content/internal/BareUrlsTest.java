package dev.parley.core.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BareUrlsTest {

    static List<String> hostileTexts() {
        return List.of(
                "http://a\n".repeat(3_000) + ".".repeat(38_000),
                "www.a.b\n".repeat(3_375) + ":".repeat(38_000),
                "http://a.b\n".repeat(5_957),
                "http://a ".repeat(3_000) + ".".repeat(38_000),
                "www.a.b http://c.d ".repeat(3_000) + ".:".repeat(10_000));
    }

    /** Walks the text from match to match, as the writer does, and returns the matches. */
    private static List<BareUrls.Match> all(BareUrls.Scanner scanner) {
        List<BareUrls.Match> matches = new ArrayList<>();
        for (BareUrls.Match match = scanner.next(0); match != null; match = scanner.next(match.end())) {
            matches.add(match);
        }
        return matches;
    }

    @ParameterizedTest
    @MethodSource("hostileTexts")
    void aTextIsScannedOnceHoweverManyUrlsColonsAndDotsItHolds(String text) {
        BareUrls.Scanner scanner = new BareUrls.Scanner(text);

        List<BareUrls.Match> matches = all(scanner);

        assertThat(matches).isNotEmpty();
        // Each colon and dot is looked at a bounded number of times, not once per URL before it.
        assertThat(scanner.probes).isLessThanOrEqualTo(text.length());
    }

    @ParameterizedTest
    @MethodSource("hostileTexts")
    void theScannerFindsWhatAFreshSearchFromEachPointFinds(String text) {
        String sample = text.substring(0, Math.min(text.length(), 400)) + " see www.e.example and https://f.example.";
        BareUrls.Scanner scanner = new BareUrls.Scanner(sample);

        for (BareUrls.Match match : all(scanner)) {
            assertThat(new BareUrls.Scanner(sample).next(match.start())).isEqualTo(match);
        }
        assertThat(all(new BareUrls.Scanner(sample))).extracting(BareUrls.Match::href)
                .contains("https://www.e.example", "https://f.example");
    }
}
