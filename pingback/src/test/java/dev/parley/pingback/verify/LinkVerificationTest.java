package dev.parley.pingback.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("LinkVerifier decides whether a page links to the target")
class LinkVerificationTest {

    private static final String PAGE = "https://source.example/blog/2024/a-reply.html";
    private static final String TARGET = "https://target.example/posts/hello/";

    private final LinkVerifier verifier = LinkVerifier.builder().build();

    private boolean links(String body) {
        return verifier.verifyHtml("<!doctype html><html><head><title>t</title></head><body>" + body
                + "</body></html>", PAGE, TARGET).linksToTarget();
    }

    private boolean linksWithHead(String head, String body) {
        return verifier.verifyHtml("<html><head>" + head + "</head><body>" + body + "</body></html>", PAGE,
                TARGET).linksToTarget();
    }

    @Nested
    @DisplayName("counts")
    class Counts {

        @Test
        void absoluteAnchorHref() {
            assertThat(links("<p>See <a href=\"https://target.example/posts/hello/\">this</a>.</p>")).isTrue();
        }

        @Test
        void rootRelativeHrefResolvedAgainstThePageUrl() {
            String page = "https://target.example/elsewhere/page";
            assertThat(verifier.verifyHtml("<a href=\"/posts/hello/\">x</a>", page, TARGET).linksToTarget())
                    .isTrue();
        }

        @Test
        void pathRelativeAndDotSegmentHrefsResolvedAgainstThePageUrl() {
            String page = "https://target.example/posts/other/index.html";
            assertThat(verifier.verifyHtml("<a href=\"../hello/\">x</a>", page, TARGET).linksToTarget()).isTrue();
            assertThat(verifier.verifyHtml("<a href=\"./../hello/./\">x</a>", page, TARGET).linksToTarget())
                    .isTrue();
        }

        @Test
        void schemeRelativeHref() {
            assertThat(links("<a href=\"//target.example/posts/hello/\">x</a>")).isTrue();
        }

        @Test
        void relativeHrefResolvedAgainstBaseHref() {
            assertThat(linksWithHead("<base href=\"https://target.example/posts/\">", "<a href=\"hello/\">x</a>"))
                    .isTrue();
        }

        @Test
        void relativeBaseHrefIsItselfResolvedAgainstThePageUrl() {
            String page = "https://target.example/a/b/c";
            assertThat(verifier.verifyHtml("<head><base href=\"/posts/\"></head><a href=\"hello/\">x</a>", page,
                    TARGET).linksToTarget()).isTrue();
        }

        @Test
        void baseHrefInTheBodyStillAppliesToEarlierLinks() {
            assertThat(links("<a href=\"hello/\">x</a><base href=\"https://target.example/posts/\">")).isTrue();
        }

        @Test
        void entityEncodedHref() {
            assertThat(links("<a href=\"https:&#x2F;&#x2F;target.example&#47;posts&#x2f;hello&#x2F;\">x</a>"))
                    .isTrue();
        }

        @Test
        void ampersandEncodedQueryMatchesDecodedTarget() {
            String target = "https://target.example/p?a=1&b=2";
            assertThat(verifier.verifyHtml("<a href=\"https://target.example/p?a=1&amp;b=2\">x</a>", PAGE, target)
                    .linksToTarget()).isTrue();
        }

        @Test
        void schemeAndHostCaseDefaultPortAndFragmentDoNotMatter() {
            assertThat(links("<a href=\"HTTPS://Target.EXAMPLE:443/posts/hello/#comments\">x</a>")).isTrue();
        }

        @Test
        void targetWithFragmentMatchesLinkWithout() {
            assertThat(verifier.verifyHtml("<a href=\"https://target.example/posts/hello/\">x</a>", PAGE,
                    TARGET + "#reply-3").linksToTarget()).isTrue();
        }

        @Test
        void whitespaceAndNewlinesAroundAndInsideTheHrefAreIgnoredAsBrowsersDo() {
            assertThat(links("<a href=\"  https://target.example/po\nsts/hello/ \">x</a>")).isTrue();
        }

        @Test
        void areaHref() {
            assertThat(links("<map name=m><area shape=rect coords=0,0,1,1 href=\"https://target.example/posts/hello/\">"
                    + "</map>")).isTrue();
        }

        @Test
        void linkHrefInTheHead() {
            assertThat(linksWithHead("<link rel=\"in-reply-to\" href=\"https://target.example/posts/hello/\">", ""))
                    .isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"img", "video", "audio", "iframe"})
        void mediaSrc(String tag) {
            assertThat(links("<" + tag + " src=\"https://target.example/posts/hello/\"></" + tag + ">")).isTrue();
        }

        @Test
        void sourceSrcInsidePicture() {
            assertThat(links("<video><source src=\"https://target.example/posts/hello/\"></video>")).isTrue();
        }

        @Test
        void nonAsciiPathIsPercentEncodedLikeABrowser() {
            String target = "https://target.example/caf%C3%A9";
            assertThat(verifier.verifyHtml("<a href=\"/café\">x</a>", "https://target.example/", target)
                    .linksToTarget()).isTrue();
        }

        @Test
        void linkAfterManyOthers() {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 500; i++) {
                body.append("<a href=\"/p/").append(i).append("\">").append(i).append("</a> ");
            }
            assertThat(links(body + "<a href=\"https://target.example/posts/hello/\">x</a>")).isTrue();
        }
    }

    @Nested
    @DisplayName("does not count")
    class DoesNotCount {

        @Test
        void linkOnlyInsideAnHtmlComment() {
            assertThat(links("<!-- <a href=\"https://target.example/posts/hello/\">x</a> -->")).isFalse();
        }

        @Test
        void linkOnlyInsideAScript() {
            assertThat(links("<script>document.write('<a href=\"https://target.example/posts/hello/\">x</a>')"
                    + "</script>")).isFalse();
        }

        @Test
        void linkOnlyInsideAStyle() {
            assertThat(links("<style>/* <a href=\"https://target.example/posts/hello/\"> */"
                    + " body{background:url(https://target.example/posts/hello/)}</style>")).isFalse();
        }

        @Test
        void linkOnlyInsideATextarea() {
            assertThat(links("<textarea><a href=\"https://target.example/posts/hello/\">x</a></textarea>"))
                    .isFalse();
        }

        @Test
        void linkOnlyInsideTheTitle() {
            assertThat(verifier.verifyHtml("<html><head><title><a href=\"https://target.example/posts/hello/\">x"
                    + "</a></title></head><body></body></html>", PAGE, TARGET).linksToTarget()).isFalse();
        }

        @Test
        void linkOnlyInsideATemplate() {
            assertThat(links("<template><a href=\"https://target.example/posts/hello/\">x</a></template>"))
                    .isFalse();
        }

        @Test
        void escapedMarkupInText() {
            assertThat(links("<p>&lt;a href=\"https://target.example/posts/hello/\"&gt;x&lt;/a&gt;</p>")).isFalse();
        }

        @Test
        void theUrlAsPlainText() {
            assertThat(links("<p>Read https://target.example/posts/hello/ today</p>")).isFalse();
        }

        @Test
        void theUrlInAnAttributeOtherThanHrefOrSrc() {
            assertThat(links("<a data-href=\"https://target.example/posts/hello/\" title=\"https://target.example/"
                    + "posts/hello/\">x</a><blockquote cite=\"https://target.example/posts/hello/\">q</blockquote>"
                    + "<img srcset=\"https://target.example/posts/hello/ 2x\">"
                    + "<form action=\"https://target.example/posts/hello/\"></form>")).isFalse();
        }

        @Test
        void hrefOnAnElementThatIsNotALink() {
            assertThat(links("<div href=\"https://target.example/posts/hello/\">x</div>")).isFalse();
        }

        @Test
        void trackingParameters() {
            assertThat(links("<a href=\"https://target.example/posts/hello/?utm_source=x\">x</a>")).isFalse();
        }

        @Test
        void missingTrailingSlash() {
            assertThat(links("<a href=\"https://target.example/posts/hello\">x</a>")).isFalse();
        }

        @Test
        void extraTrailingSlash() {
            String target = "https://target.example/posts/hello";
            assertThat(verifier.verifyHtml("<a href=\"https://target.example/posts/hello/\">x</a>", PAGE, target)
                    .linksToTarget()).isFalse();
        }

        @Test
        void aLongerUrlThatStartsWithTheTarget() {
            assertThat(links("<a href=\"https://target.example/posts/hello/world\">x</a>")).isFalse();
        }

        @Test
        void anotherHostThatContainsTheTargetHost() {
            assertThat(links("<a href=\"https://target.example.evil.example/posts/hello/\">x</a>"
                    + "<a href=\"https://evil.example/?u=https://target.example/posts/hello/\">x</a>")).isFalse();
        }

        @Test
        void otherSchemeOrPort() {
            assertThat(links("<a href=\"http://target.example/posts/hello/\">x</a>"
                    + "<a href=\"https://target.example:8443/posts/hello/\">x</a>")).isFalse();
        }

        @Test
        void userInfoInTheLink() {
            assertThat(links("<a href=\"https://user@target.example/posts/hello/\">x</a>")).isFalse();
        }

        @Test
        void differentPercentEscapeCase() {
            String target = "https://target.example/caf%C3%A9";
            assertThat(verifier.verifyHtml("<a href=\"https://target.example/caf%c3%a9\">x</a>", PAGE, target)
                    .linksToTarget()).isFalse();
        }

        @Test
        void javascriptAndDataUrls() {
            assertThat(links("<a href=\"javascript:location='https://target.example/posts/hello/'\">x</a>"
                    + "<a href=\"data:text/html,<a href=https://target.example/posts/hello/>\">y</a>")).isFalse();
        }

        @Test
        void invalidBaseHrefFallsBackToThePageUrl() {
            assertThat(linksWithHead("<base href=\"javascript:alert(1)\">", "<a href=\"hello/\">x</a>")).isFalse();
            String page = "https://target.example/posts/index.html";
            assertThat(verifier.verifyHtml("<head><base href=\"javascript:alert(1)\"></head><a href=\"hello/\">x</a>",
                    page, TARGET).linksToTarget()).isTrue();
        }

        @Test
        void emptyPage() {
            assertThat(verifier.verifyHtml("", PAGE, TARGET).linksToTarget()).isFalse();
        }
    }

    @Test
    void misuseNamesTheArgument() {
        assertThatThrownBy(() -> verifier.verifyHtml("", "ftp://x/", TARGET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageUrl");
        assertThatThrownBy(() -> verifier.verifyHtml("", PAGE, "/relative"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target");
        assertThatThrownBy(() -> verifier.verifyHtml(null, PAGE, TARGET))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("html");
        assertThatThrownBy(() -> LinkVerifier.builder().excerptContext(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("excerptContext");
    }
}
