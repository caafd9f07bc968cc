package dev.parley.core.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.parser.TagSet;
import org.junit.jupiter.api.Test;

class PipelineTest {

    @Test
    void theSharedTagsHoldEveryAllowedTag() {
        // Looking up a tag the set holds does not change it (a missing one would be copied in).
        for (String tag : ContentPolicy.TAGS) {
            assertThat(Pipeline.TAGS.get(tag, Parser.NamespaceHtml)).as(tag).isNotNull();
        }
    }

    @Test
    void whatAParseRecordsOnItsTagsStaysInThatParse() {
        Pipeline pipeline = new Pipeline(true, true);
        TagSet before = new TagSet(Pipeline.TAGS);

        // jsoup marks a tag written self-closing on the parse's tag set, and adds the unknown and uncommon
        // tags it meets; none of that may reach the set every parse starts from.
        pipeline.html("<em/>x <p/>y <custom-element>z</custom-element><section>w</section>");

        assertThat(Pipeline.TAGS).isEqualTo(before);
        assertThat(Pipeline.TAGS.get("em", Parser.NamespaceHtml).is(Tag.SeenSelfClose)).isFalse();
        assertThat(Pipeline.TAGS.get("p", Parser.NamespaceHtml).is(Tag.SeenSelfClose)).isFalse();
        assertThat(pipeline.html("<em>x</em> y")).isEqualTo("<p><em>x</em> y</p>");
    }
}
