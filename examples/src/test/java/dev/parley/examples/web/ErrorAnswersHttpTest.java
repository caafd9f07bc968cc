package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("Error answers: the site's layout for pages, the API's JSON shape, Allow as each endpoint takes")
class ErrorAnswersHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final DemoPerClass DEMO = new DemoPerClass();

    private static RunningDemo demo() {
        return DEMO.demo();
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(demo().base() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return RunningDemo.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String threadPath() {
        return "/api/threads/" + demo().post().slug() + "/comments";
    }

    private static JsonNode error(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return JSON.readTree(response.body()).get("error");
    }

    private static void assertSitePage(HttpResponse<String> response, String heading) {
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("header.site a.brand")).hasSize(1);
        assertThat(page.selectFirst("main h1").text()).isEqualTo(heading);
        assertThat(page.title()).startsWith(heading + " · ");
    }

    @Test
    @DisplayName("a post that does not exist is 404 in the site's layout")
    void noSuchPostIsALaidOutPage() throws Exception {
        HttpResponse<String> response = send("GET", "/posts/no-such-post", null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertSitePage(response, "Not found");
    }

    @ParameterizedTest(name = "{0} {1} is 404 in the site's layout, whatever the method")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /nope
            POST   | /nope
            DELETE | /no/such/page
            PUT    | /index.html
            """)
    void unknownPathsAre404ForEveryMethod(String method, String path) throws Exception {
        HttpResponse<String> response = send(method, path, null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Allow")).isEmpty();
        assertSitePage(response, "Not found");
    }

    @ParameterizedTest(name = "{0} {1} is 405 with Allow: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE  | /posts/do-comment-threads-still-matter | GET, HEAD, POST
            PUT     | /posts/do-comment-threads-still-matter | GET, HEAD, POST
            PATCH   | /posts/do-comment-threads-still-matter | GET, HEAD, POST
            OPTIONS | /posts/do-comment-threads-still-matter | GET, HEAD, POST
            POST    | /                                      | GET, HEAD
            PATCH   | /                                      | GET, HEAD
            TRACE   | /                                      | GET, HEAD
            DELETE  | /feed/do-comment-threads-still-matter  | GET, HEAD
            PUT     | /admin                                 | GET, HEAD, POST
            """)
    void pagesAnswerOtherMethodsInTheSiteLayout(String method, String path, String allow) throws Exception {
        HttpResponse<String> response = send(method, path, null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().allValues("Allow")).containsExactly(allow);
        assertSitePage(response, "Method not allowed");
    }

    @ParameterizedTest(name = "HEAD {0} is 405 with Allow: POST, as GET is")
    @CsvSource({"/pingback", "/trackback/do-comment-threads-still-matter", "/webmention"})
    void linkbackEndpointsRefuseHead(String path) throws Exception {
        HttpResponse<String> response = send("HEAD", path, null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().allValues("Allow")).containsExactly("POST");
    }

    @ParameterizedTest(name = "{0} /pingback is a 405 XML-RPC fault with Allow: POST")
    @CsvSource({"GET", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void pingbackTakesOnlyPost(String method) throws Exception {
        HttpResponse<String> response = send(method, "/pingback", null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().allValues("Allow")).containsExactly("POST");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
        assertThat(Jsoup.parse(response.body(), org.jsoup.parser.Parser.xmlParser())
                .select("methodResponse > fault member > name").eachText()).containsExactly("faultCode", "faultString");
    }

    @ParameterizedTest(name = "{0} /trackback/<slug> is a 405 TrackBack error with Allow: POST")
    @CsvSource({"GET", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void trackbackTakesOnlyPost(String method) throws Exception {
        HttpResponse<String> response = send(method, "/trackback/" + demo().post().slug(), null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().allValues("Allow")).containsExactly("POST");
        assertThat(Jsoup.parse(response.body(), org.jsoup.parser.Parser.xmlParser())
                .selectFirst("response > error").text()).isEqualTo("1");
    }

    @ParameterizedTest(name = "{0} /webmention is a 405 with Allow: POST")
    @CsvSource({"GET", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void webmentionTakesOnlyPost(String method) throws Exception {
        HttpResponse<String> response = send(method, "/webmention", null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().allValues("Allow")).containsExactly("POST");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).contains("does not take that method");
    }

    @ParameterizedTest(name = "{0} {1} is a 405 JSON error with Allow: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            PATCH   | /api/threads/do-comment-threads-still-matter/comments | GET, HEAD, POST
            DELETE  | /api/threads/do-comment-threads-still-matter/comments | GET, HEAD, POST
            OPTIONS | /api/threads/do-comment-threads-still-matter/comments | GET, HEAD, POST
            POST    | /api/comments/abc                                     | GET, HEAD, PUT, DELETE
            PATCH   | /api/comments/abc                                     | GET, HEAD, PUT, DELETE
            DELETE  | /api/counts                                           | GET, HEAD
            """)
    void apiAnswersOtherMethodsAsJson(String method, String path, String allow) throws Exception {
        HttpResponse<String> response = send(method, path, null, null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().allValues("Allow")).containsExactly(allow);
        assertThat(error(response).get("code").asString()).isEqualTo("method_not_allowed");
    }

    @Test
    @DisplayName("HEAD is taken wherever GET is, the API included")
    void headIsTakenWhereGetIs() throws Exception {
        assertThat(send("HEAD", threadPath(), null, null).statusCode()).isEqualTo(200);
        assertThat(send("HEAD", demo().post().path(), null, null).statusCode()).isEqualTo(200);
        assertThat(send("HEAD", "/api/counts?thread=" + demo().post().slug(), null, null).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a body that is not JSON, or in an unknown charset, is 415 in the API's shape")
    void unsupportedBodiesAre415AsJson() throws Exception {
        HttpResponse<String> plain = send("POST", threadPath(), "text/plain", "{\"text\":\"hi\"}");
        HttpResponse<String> bogus = send("POST", threadPath(), "application/json; charset=bogus", "{}");

        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(error(plain).get("code").asString()).isEqualTo("unsupported_media_type");
        assertThat(bogus.statusCode()).isEqualTo(415);
        assertThat(error(bogus).get("code").asString()).isEqualTo("unsupported_media_type");
        assertThat(error(bogus).get("message").asString()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}={1} is 400 invalid_field naming {0}")
    @CsvSource({"order, sideways", "order, NEWEST", "limit, abc", "limit, 0", "limit, 101", "after, zzz"})
    void badQueryParametersAre400NamingTheParameter(String name, String value) throws Exception {
        HttpResponse<String> response = send("GET", threadPath() + "?" + name + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8), null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).get("code").asString()).isEqualTo("invalid_field");
        assertThat(error(response).get("field").asString()).isEqualTo(name);
    }

    @Test
    @DisplayName("both orders are read by name")
    void bothOrdersAreRead() throws Exception {
        JsonNode oldest = JSON.readTree(send("GET", threadPath() + "?order=oldest", null, null).body());
        JsonNode newest = JSON.readTree(send("GET", threadPath() + "?order=newest", null, null).body());

        assertThat(oldest.get("order").asString()).isEqualTo("oldest");
        assertThat(newest.get("order").asString()).isEqualTo("newest");
    }

    @ParameterizedTest(name = "{0}: {2} {3} naming {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            name missing     | {"text":"hi"}                                      | 422 | empty         | name
            name blank       | {"name":"  ","text":"hi"}                          | 422 | empty         | name
            text missing     | {"name":"Ann"}                                     | 422 | empty         | text
            text blank       | {"name":"Ann","text":"   "}                        | 422 | empty         | text
            url with a quote | {"name":"Ann","url":"http://x\\"y","text":"hi"}  | 422 | invalid_field | url
            url ftp          | {"name":"Ann","url":"ftp://x.example/","text":"hi"} | 422 | invalid_field | url
            name too long    | {"name":"%s","text":"hi"}                          | 422 | too_long      | name
            text a number    | {"name":"Ann","text":5}                            | 400 | invalid_field | text
            name an object   | {"name":{},"text":"hi"}                            | 400 | invalid_field | name
            parent malformed | {"name":"Ann","text":"hi","parent":"!!"}           | 422 | bad_parent    | parent
            parent unknown   | {"name":"Ann","text":"hi","parent":"nosuchid"}     | 422 | bad_parent    | parent
            """)
    void everyFieldErrorNamesItsFieldWithTheCodeOfItsKind(String label, String body, int status, String code,
            String field) throws Exception {
        HttpResponse<String> response = send("POST", threadPath(), "application/json",
                body.replace("%s", "n".repeat(500)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(error(response).get("code").asString()).isEqualTo(code);
        assertThat(error(response).get("field").asString()).isEqualTo(field);
    }

    @Test
    @DisplayName("an edit without text is 422 empty naming text")
    void editWithoutTextNamesText() throws Exception {
        JsonNode created = JSON.readTree(send("POST", threadPath(), "application/json",
                "{\"name\":\"Editor\",\"text\":\"to be edited\"}").body());
        String id = created.get("comment").get("id").asString();
        HttpResponse<String> response = RunningDemo.api("PUT", demo().base() + "/api/comments/" + id, "{}",
                created.get("editToken").asString());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(error(response).get("code").asString()).isEqualTo("empty");
        assertThat(error(response).get("field").asString()).isEqualTo("text");
    }

    @Test
    @DisplayName("counts without a thread is 400 empty naming thread")
    void countsWithoutThreadNamesThread() throws Exception {
        HttpResponse<String> response = send("GET", "/api/counts", null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).get("code").asString()).isEqualTo("empty");
        assertThat(error(response).get("field").asString()).isEqualTo("thread");
    }
}
