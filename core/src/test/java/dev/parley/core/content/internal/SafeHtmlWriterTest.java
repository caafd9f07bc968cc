package dev.parley.core.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;

class SafeHtmlWriterTest {

    @Test
    void refusesJsoupsBasicSafelistWhoseQCiteTakesAnyScheme() {
        assertThatThrownBy(() -> new SafeHtmlWriter(Safelist.basic()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("safelist allows cite on q without restricting its URL schemes");
    }

    @Test
    void refusesASafelistThatAllowsAScriptScheme() {
        Safelist unsafe = ContentPolicy.safelist().addProtocols("a", "href", "javascript");
        assertThatThrownBy(() -> new SafeHtmlWriter(unsafe))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("safelist allows javascript URLs in href on a");
    }

    @Test
    void writesOnlyWhatTheSafelistAllowsEvenWithoutTheTreePasses() {
        SafeHtmlWriter writer = new SafeHtmlWriter(ContentPolicy.safelist());
        String html = writer.write(Jsoup.parseBodyFragment(
                "<div onclick=x><p>a<ul><li>b</li></ul></p><a href=\"javascript:x\">c</a>"
                        + "<a href=\"https://e.example\" rel=\"x\" target=\"_top\">d</a><script>e</script></div>").body());
        assertThat(html).isEqualTo("<p>a</p><ul><li>b</li></ul><p></p>c"
                + "<a href=\"https://e.example\" rel=\"nofollow ugc\">d</a>");
    }

    @Test
    void aListItemOutsideAListOrABlockInAParagraphIsUnwrapped() {
        SafeHtmlWriter writer = new SafeHtmlWriter(ContentPolicy.safelist());
        org.jsoup.nodes.Element body = Jsoup.parseBodyFragment("").body();
        body.appendElement("p").appendElement("ul").appendElement("li").appendText("x");
        body.appendElement("li").appendText("y");
        assertThat(writer.write(body)).isEqualTo("<p>x</p>y");
    }
}
