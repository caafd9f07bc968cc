package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.examples.Post;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The post format: plain text in which links can be written")
class PostTextTest {

    private static String html(String body) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return PostText.html(new Post("p", "T", "A", "a", body, at, at, false));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("renders each input to exactly this HTML")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain text                               | Hello, world.                                          | <p>Hello, world.</p>
            markup is text                           | <script>alert(1)</script> & <b>x</b>                   | <p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;x&lt;/b&gt;</p>
            a Markdown-style link                    | See [her post](https://priya.example/a?x=1&y=2).       | <p>See <a href="https://priya.example/a?x=1&amp;y=2">her post</a>.</p>
            link text is escaped                     | [<i>"x"</i>](https://a.example/)                       | <p><a href="https://a.example/">&lt;i&gt;&quot;x&quot;&lt;/i&gt;</a></p>
            parentheses inside the URL               | [P](https://en.wikipedia.org/wiki/Pingback_(protocol)) | <p><a href="https://en.wikipedia.org/wiki/Pingback_(protocol)">P</a></p>
            a bare URL                               | Read https://a.example/x now                           | <p>Read <a href="https://a.example/x">https://a.example/x</a> now</p>
            sentence punctuation after a bare URL    | Read https://a.example/x.                              | <p>Read <a href="https://a.example/x">https://a.example/x</a>.</p>
            a bare URL in parentheses                | (see http://a.example/x)                               | <p>(see <a href="http://a.example/x">http://a.example/x</a>)</p>
            balanced parentheses stay in a bare URL  | https://a.example/W_(x), then                          | <p><a href="https://a.example/W_(x)">https://a.example/W_(x)</a>, then</p>
            upper-case scheme                        | HTTPS://A.example/                                     | <p><a href="HTTPS://A.example/">HTTPS://A.example/</a></p>
            javascript in a link stays text         | [x](javascript:alert(1))                               | <p>[x](javascript:alert(1))</p>
            data URL stays text                      | data:text/html,<script>                                | <p>data:text/html,&lt;script&gt;</p>
            no host is no link                       | [x](http:///path) and http://                          | <p>[x](http:///path) and http://</p>
            a quote ends a bare URL                  | "https://a.example/"onmouseover=x                      | <p>&quot;<a href="https://a.example/">https://a.example/</a>&quot;onmouseover=x</p>
            an invalid URL stays text                | https://a.example/%zz                                  | <p>https://a.example/%zz</p>
            two links on a line                      | [a](https://a.example/) and https://b.example/         | <p><a href="https://a.example/">a</a> and <a href="https://b.example/">https://b.example/</a></p>
            """)
    void renders(String name, String body, String expected) {
        assertThat(html(body)).isEqualTo(expected);
    }

    @Test
    @DisplayName("an empty line separates paragraphs, a single line break stays one, and blank paragraphs vanish")
    void paragraphs() {
        assertThat(html("First line\nsecond line\n\n\n  \nNext paragraph\r\n\r\nLast\n"))
                .isEqualTo("<p>First line<br>second line</p><p>Next paragraph</p><p>Last</p>");
    }

    @Test
    @DisplayName("a URL longer than the outbox takes is left as text")
    void overlongUrl() {
        String url = "https://a.example/" + "x".repeat(PostText.MAX_URL_LENGTH);

        assertThat(html(url)).isEqualTo("<p>" + url + "</p>");
        assertThat(html("https://a.example/" + "x".repeat(PostText.MAX_URL_LENGTH - 18))).contains("<a href=");
    }
}
