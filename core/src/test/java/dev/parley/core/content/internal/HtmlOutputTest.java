package dev.parley.core.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlOutputTest {

    @Test
    void escapesTextAndAttributeValuesAndDropsControls() {
        HtmlOutput out = new HtmlOutput(4);

        out.escaped("a<b>&\"c\"\u00a0\u0001\u007f\t\n\u0085\ufffe\uffff—", false).append('|')
                .escaped("a<b>&\"c\"", true);

        assertThat(out.toString()).isEqualTo("a&lt;b&gt;&amp;\"c\"&nbsp;\t\n\u0085—|a&lt;b&gt;&amp;&quot;c&quot;");
    }

    @Test
    void aReusedBufferStartsEmpty() {
        HtmlOutput first = HtmlOutput.reusing(64);
        first.append("first comment");
        assertThat(first.toString()).isEqualTo("first comment");
        first.release();

        HtmlOutput second = HtmlOutput.reusing(64);
        second.append("2nd");

        assertThat(second.toString()).isEqualTo("2nd");
        second.release();
    }

    @Test
    void aBufferInUseIsNeverHandedOutAgain() {
        HtmlOutput warm = HtmlOutput.reusing(64);
        warm.release();

        HtmlOutput outer = HtmlOutput.reusing(64);
        outer.append("outer");
        HtmlOutput inner = HtmlOutput.reusing(64);
        inner.append("inner");

        assertThat(outer.toString()).isEqualTo("outer");
        assertThat(inner.toString()).isEqualTo("inner");
        inner.release();
        outer.release();
    }

    @Test
    void growsPastItsCapacityAndPastTheKeptSize() {
        HtmlOutput out = HtmlOutput.reusing(16);
        String text = "x".repeat(HtmlOutput.KEPT_MAX * 2);

        out.escaped(text, false);

        assertThat(out.toString()).isEqualTo(text);
        out.release();
        HtmlOutput next = HtmlOutput.reusing(16);
        assertThat(next.append("y").toString()).isEqualTo("y");
        next.release();
    }
}
