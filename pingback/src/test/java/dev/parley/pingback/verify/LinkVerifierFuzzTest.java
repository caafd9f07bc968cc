package dev.parley.pingback.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.pingback.VerifiedLinkback;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;

/**
 * Fuzz target for the source-page verifier: any page, read as UTF-8, gives a {@link SourceReport}, never an
 * exception, and the report keeps its documented bounds (its constructor checks them too): a title that is not
 * blank, texts within the limits of {@link VerifiedLinkback} and free of {@code <} and {@code >}, a permalink that
 * is an absolute http(s) URL, and no excerpt without a link to the target.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs in regression mode over the inputs kept under
 * {@code src/test/resources/dev/parley/pingback/verify/LinkVerifierFuzzTestInputs/}; {@code scripts/fuzz.sh}
 * fuzzes it.
 */
class LinkVerifierFuzzTest {

    private static final LinkVerifier VERIFIER = LinkVerifier.builder().build();
    private static final String PAGE = "https://source.example/posts/1";
    private static final String TARGET = "https://target.example/article";

    @FuzzTest
    @DisplayName("any source page gives a report within its bounds, never an exception")
    void sourcePage(byte[] page) {
        SourceReport report = VERIFIER.verifyHtml(new String(page, StandardCharsets.UTF_8), PAGE, TARGET);

        assertThat(report.title()).isNotBlank().hasSizeLessThanOrEqualTo(VerifiedLinkback.MAX_TITLE_LENGTH)
                .doesNotContain("<", ">");
        assertThat(report.excerpt()).hasSizeLessThanOrEqualTo(VerifiedLinkback.MAX_EXCERPT_LENGTH)
                .doesNotContain("<", ">");
        assertThat(report.content()).hasSizeLessThanOrEqualTo(VerifiedLinkback.MAX_CONTENT_LENGTH)
                .doesNotContain("<", ">");
        if (report.url() != null) {
            assertThat(report.url()).matches("(?is)https?://.+")
                    .hasSizeLessThanOrEqualTo(VerifiedLinkback.MAX_URL_LENGTH);
        }
        if (!report.linksToTarget()) {
            assertThat(report.excerpt()).isEmpty();
        }
    }
}
