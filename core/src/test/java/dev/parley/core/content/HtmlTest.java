package dev.parley.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapeReplacesTheFiveSpecialCharacters() {
        assertThat(Html.escape("<a href=\"x\" title='y'>Tom & Jerry</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    }

    @Test
    void escapeKeepsEverythingElse() {
        String text = "Zoë — 100% «quoted» \t\n\u00a0 😀";
        assertThat(Html.escape(text)).isSameAs(text);
    }

    @Test
    void escapedAuthorNameCannotOpenATagOrLeaveAnAttribute() {
        String name = "\"><script>alert(1)</script>";
        assertThat(Html.escape(name)).doesNotContain("<", ">", "\"");
    }

    @Test
    void textStripsTagsDecodesEntitiesAndSeparatesBlocks() {
        assertThat(Html.text("<p>Buy <b>ch</b>eap &amp; <a href=\"https://x.example\">pills</a></p><p>now</p>"))
                .isEqualTo("Buy cheap & pills now");
    }

    @Test
    void textJoinsWordsSplitByMarkupAsAReaderSeesThem() {
        assertThat(Html.text("v<i></i>iagra")).isEqualTo("viagra");
    }

    @Test
    void textSeparatesLineBreaksAndLeavesScriptOut() {
        assertThat(Html.text("one<br>two<script>var hidden;</script>")).isEqualTo("one two");
    }

    @Test
    void textOfPlainTextCollapsesWhitespace() {
        assertThat(Html.text("  plain\n\ttext  ")).isEqualTo("plain text");
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> Html.escape(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
        assertThatThrownBy(() -> Html.text(null)).isInstanceOf(NullPointerException.class).hasMessage("html");
    }
}
