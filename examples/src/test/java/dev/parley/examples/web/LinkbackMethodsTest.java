package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The linkback endpoints take POST only, and say so. */
@DisplayName("The linkback endpoints' methods and headers")
class LinkbackMethodsTest {

    private static RunningDemo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static HttpResponse<String> call(String method, String path) throws Exception {
        return RunningDemo.client().send(HttpRequest.newBuilder(URI.create(demo.base() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("GET and HEAD on each endpoint answer 405 with Allow: POST")
    void getAndHeadAreNotAllowed() throws Exception {
        for (String path : new String[] {"/pingback", "/webmention", "/trackback/" + demo.post().slug()}) {
            for (String method : new String[] {"GET", "HEAD"}) {
                HttpResponse<String> answer = call(method, path);
                assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(405);
                assertThat(answer.headers().allValues("Allow")).as(method + " " + path).containsExactly("POST");
            }
        }
    }
}
