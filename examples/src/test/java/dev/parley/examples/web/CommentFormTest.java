package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The comment form: every problem at once, at its field, and what was typed kept")
class CommentFormTest {

    private static final String URL_ENCODED = "application/x-www-form-urlencoded";

    @RegisterExtension
    static final DemoPerClass DEMO = new DemoPerClass();

    private static RunningDemo demo() {
        return DEMO.demo();
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    /** The message shown at a field of the main form, checking that the field points to it. */
    private static String errorAt(Document page, String field) {
        Element input = page.getElementById("respond-" + field);
        assertThat(input).as(field).isNotNull();
        assertThat(input.attr("aria-invalid")).as(field).isEqualTo("true");
        assertThat(input.attr("aria-describedby")).as(field).isEqualTo("respond-" + field + "-error");
        Element message = page.getElementById("respond-" + field + "-error");
        assertThat(message).as(field).isNotNull();
        assertThat(message.parent()).as("the message sits with its field").isEqualTo(input.parent());
        return message.text();
    }

    @Test
    @DisplayName("every refused field gets its message at once, next to it, tied by aria-describedby")
    void everyProblemAtOnceAtItsField() throws Exception {
        // Each value passes the browser's own checks (required, type=email, type=url) and fails the server's.
        HttpResponse<String> answer = RunningDemo.postForm(RunningDemo.client(), demo().postUrl(),
                fields("name", "   ", "email", "someone@localhost", "url", "https://example.com/a\"b", "text", "  "));

        assertThat(answer.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(answer.body());
        assertThat(errorAt(page, "name")).isEqualTo("Please enter your name.");
        assertThat(errorAt(page, "email")).isEqualTo("Please enter a valid e-mail address.");
        assertThat(errorAt(page, "url"))
                .isEqualTo("Your web site address contains a double quote (\"), which a web address cannot hold.");
        assertThat(errorAt(page, "text")).isEqualTo("Please type a comment.");
        assertThat(page.select("#respond-errors li a")).extracting(a -> a.attr("href")).containsExactly(
                "#respond-name", "#respond-email", "#respond-url", "#respond-text");
        assertThat(page.select("#respond-errors > p").text())
                .isEqualTo("Your comment was not posted. Please fix these 4 things:");
        assertThat(page.getElementById("respond-email").val()).isEqualTo("someone@localhost");
        assertThat(page.getElementById("respond-url").val()).isEqualTo("https://example.com/a\"b");
    }

    @Test
    @DisplayName("a field without a problem is not marked, and the typed text is kept")
    void onlyRefusedFieldsAreMarked() throws Exception {
        HttpResponse<String> answer = RunningDemo.postForm(RunningDemo.client(), demo().postUrl(),
                fields("name", "Ada", "email", "not an address", "text", "Kept as typed."));

        assertThat(answer.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(answer.body());
        assertThat(errorAt(page, "email")).isEqualTo("Please enter a valid e-mail address.");
        assertThat(page.getElementById("respond-name").hasAttr("aria-invalid")).isFalse();
        assertThat(page.getElementById("respond-text").hasAttr("aria-describedby")).isFalse();
        assertThat(page.getElementById("respond-text").text()).isEqualTo("Kept as typed.");
        assertThat(page.select("#respond-errors > p").text()).isEqualTo("Your comment was not posted. Please fix this:");
    }

    @Test
    @DisplayName("the form's required and maxlength attributes are the engine's settings")
    void fieldsDeclareTheEnginesLimits() throws Exception {
        Document page = Jsoup.parse(RunningDemo.get(RunningDemo.client(), demo().postUrl()).body());

        Element name = page.getElementById("respond-name");
        assertThat(name.hasAttr("required")).isTrue();
        assertThat(name.attr("maxlength")).isEqualTo("245");
        assertThat(page.getElementById("respond-email").hasAttr("required")).as("the test demo makes e-mail optional")
                .isFalse();
        assertThat(page.getElementById("respond-url").attr("maxlength")).isEqualTo("200");
        assertThat(page.getElementById("respond-text").attr("maxlength")).isEqualTo("65535");
        assertThat(page.select("label[for=respond-name]").text()).isEqualTo("Name");
    }

    @Test
    @DisplayName("the server refuses a text over the limit at the text field and gives the text back")
    void textOverTheLimitIsRefusedAtItsField() throws Exception {
        String text = "x".repeat(65_536);
        HttpResponse<String> answer = RunningDemo.postForm(RunningDemo.client(), demo().postUrl(),
                fields("name", "Long Winded", "text", text));

        assertThat(answer.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(answer.body());
        assertThat(errorAt(page, "text")).isEqualTo("Your comment is too long (at most 65535 characters).");
        assertThat(page.getElementById("respond-text").wholeText()).isEqualTo(text);
    }

    @Test
    @DisplayName("line breaks count once, as the browser counts them for maxlength, though the form sends CR LF")
    void lineBreaksCountOnce() throws Exception {
        String text = ("x".repeat(9) + "\r\n").repeat(6_553) + "end";

        HttpResponse<String> answer = RunningDemo.postForm(RunningDemo.client(), demo().postUrl(),
                fields("name", "Line Breaker", "text", text));

        assertThat(text.replace("\r\n", "\n").length()).isEqualTo(65_533);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    }

    @Test
    @DisplayName("bytes that are not UTF-8: 400, the form with the text kept (U+FFFD for the bad bytes) and why")
    void undecodableBytesKeepTheText() throws Exception {
        byte[] body = "name=Ren%C3%A9e&text=caf%E9+au+lait".getBytes(StandardCharsets.US_ASCII);

        RawHttp.Answer answer = RawHttp.announceAndRead(demo().base(), "POST", demo().post().path(), URL_ENCODED,
                body.length, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("text/html;charset=utf-8");
        Document page = Jsoup.parse(answer.body());
        assertThat(page.getElementById("respond-name").val()).isEqualTo("Renée");
        assertThat(page.getElementById("respond-text").wholeText()).isEqualTo("caf\uFFFD au lait");
        assertThat(errorAt(page, "text")).isEqualTo("Nothing was posted: part of this was not readable text "
                + "(not UTF-8) and shows as \uFFFD. Please check it and send it again.");
        assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo("/static/parley.css");
    }

    @Test
    @DisplayName("a multipart body: 415, the form with what was typed and a message naming the encoding")
    void multipartKeepsTheText() throws Exception {
        byte[] body = ("--b0undary\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nMo\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nHello, h\u00e9llo\r\n"
                + "--b0undary--\r\n").getBytes(StandardCharsets.UTF_8);

        RawHttp.Answer answer = RawHttp.announceAndRead(demo().base(), "POST", demo().post().path(),
                "multipart/form-data; boundary=b0undary", body.length, body);

        assertThat(answer.status()).isEqualTo(415);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.getElementById("respond-name").val()).isEqualTo("Mo");
        assertThat(page.getElementById("respond-text").wholeText()).isEqualTo("Hello, h\u00e9llo");
        assertThat(errorAt(page, "text")).isEqualTo("Nothing was posted: the form came as multipart/form-data, "
                + "which this page does not take. What could be read of it is below; please send it again from here.");
    }

    @Test
    @DisplayName("a body over the limit: 413 with the post page and the form, saying how long a comment may be")
    void hugeBodyGetsTheForm() throws Exception {
        RawHttp.Answer answer = RawHttp.announceAndRead(demo().base(), "POST", demo().post().path(), URL_ENCODED,
                10L * 1024 * 1024, "name=x&text=".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        assertThat(answer.header("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("h1.p-name").text()).isEqualTo(demo().post().title());
        assertThat(errorAt(page, "text")).isEqualTo("Nothing was posted: what you sent was larger than this page "
                + "takes. A comment has at most 65535 characters; please shorten it and send it again (your "
                + "browser's Back button should bring back what you typed).");
    }

    @Test
    @DisplayName("a chunked body over the limit gets the form too")
    void hugeChunkedBodyGetsTheForm() throws Exception {
        RawHttp.Answer answer = RawHttp.chunked(demo().base(), demo().post().path(), URL_ENCODED, 10L * 1024 * 1024,
                (byte) 'a');

        assertThat(answer.status()).isEqualTo(413);
        assertThat(Jsoup.parse(answer.body()).getElementById("respond-text-error")).isNotNull();
    }

    @Test
    @DisplayName("a body over the limit to a post that does not exist keeps the plain 413 page")
    void hugeBodyToNoPostKeepsThePlainPage() throws Exception {
        RawHttp.Answer answer = RawHttp.announceAndRead(demo().base(), "POST", "/posts/no-such-post", URL_ENCODED,
                10L * 1024 * 1024, "text=".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("<h1>Too large</h1>").doesNotContain("<form");
    }
}
