package dev.parley.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HTML input with unwrapped blocks and hostile nesting: exact input and output. These pin what the
 * normalizer made of such input before it became linear (issue 16), so the rewrite changed no output: line
 * breaks around unwrapped blocks, past comments and dropped elements, through unwrapped inline ancestors, and
 * beyond jsoup's 512 levels and the policy's 64.
 */
@DisplayName("Deeply nested HTML")
class DeepNestingRenderingTest {

    private static final ContentRenderer RENDERER = ContentRenderer.standard();

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("nested divs leave one break between their texts", "<div>a<div>b<div>c</div>d</div>e</div>",
                        "<p>a<br>b<br>c<br>d<br>e</p>"),
                arguments("a block inside unwrapped inline elements still breaks its line",
                        "x<span><span><div>y</div></span></span>z", "<p>x<br>y<br>z</p>"),
                arguments("blocks side by side in unwrapped inline elements each break their line",
                        "<span><div>a</div></span><span><div>b</div></span>", "<p>a<br><br>b</p>"),
                arguments("comments and dropped elements next to a block are not text",
                        "a<!-- c --><div>b</div><script>s</script>c", "<p>a<br>bc</p>"),
                arguments("a block in a list item breaks, a stray item is a block",
                        "<ul><li>a<div>b</div></li></ul><li>c</li>d", "<ul><li>a<br>b</li></ul><p>c<br>d</p>"),
                arguments("inside 64 nested elements, a block's break is refused like any other",
                        "<b>".repeat(64) + "<div>https://x.example/p</div>item",
                        "<p>" + "<b>".repeat(64) + "<a href=\"https://x.example/pitem\" rel=\"nofollow ugc\">"
                                + "https://x.example/pitem</a>" + "</b>".repeat(64) + "</p>"),
                arguments("600 nested divs are lines of one paragraph", "<div>x".repeat(600),
                        "<p>" + "x<br>".repeat(599) + "x</p>"),
                arguments("100 nested tables are lines of one paragraph", "<table><tr><td>x".repeat(100),
                        "<p>" + "x<br>".repeat(99) + "x</p>"),
                arguments("600 nested blockquotes keep 64 levels, the rest is text of the deepest",
                        "<blockquote>x".repeat(600), "<blockquote><p>x</p>".repeat(63) + "<blockquote><p>"
                                + "x".repeat(537) + "</p>" + "</blockquote>".repeat(64)),
                arguments("a 600-level unclosed b/i chain keeps 64 levels, the rest is text of the deepest",
                        "<b><i>x".repeat(600), "<p>" + "<b><i>x".repeat(32) + "x".repeat(568)
                                + "</i></b>".repeat(32) + "</p>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("renders exactly")
    void rendersExactly(String description, String input, String expected) {
        assertThat(RENDERER.render(input, InputFormat.HTML)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("renders to a fixed point")
    void outputIsAFixedPoint(String description, String input, String expected) {
        String rendered = RENDERER.render(input, InputFormat.HTML);
        assertThat(RENDERER.render(rendered, InputFormat.HTML)).isEqualTo(rendered);
    }
}
