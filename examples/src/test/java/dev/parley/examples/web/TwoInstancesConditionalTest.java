package dev.parley.examples.web;

import static dev.parley.examples.web.ConditionalRequestsTest.etag;
import static dev.parley.examples.web.ConditionalRequestsTest.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.Settings;
import dev.parley.examples.DemoConfig;
import dev.parley.examples.DemoServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two demo instances over one H2 file, as behind a load balancer: each keeps its own cache of anonymous
 * renders, and a write through one shows through the other at once, under a new tag.
 */
@DisplayName("Conditional requests on two instances over one H2 file")
class TwoInstancesConditionalTest {

    /** The public address both instances answer for, so their pages hold the same links. */
    private static final String PUBLIC_BASE = "http://blog.example";

    @TempDir
    Path dir;

    /** An instance that reads the database on every request: no freshness window. */
    private DemoServer server() throws Exception {
        return server(Duration.ZERO);
    }

    private DemoServer server(Duration freshness) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("parley.store", "h2");
        settings.put("parley.h2.file", dir.resolve("blog").toString());
        settings.put("parley.port", "0");
        settings.put("parley.base.url", PUBLIC_BASE);
        settings.put("parley.admin.password", RunningDemo.PASSWORD);
        DemoServer server = DemoServer.builder().config(DemoConfig.from(settings::get))
                .settings(Settings.builder().requireEmail(false).holdNewAuthors(false).linkLimit(2)
                        .floodInterval(Duration.ZERO).build())
                .freshness(freshness)
                .build();
        server.start();
        return server;
    }

    private static String local(DemoServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    @DisplayName("a comment posted through one instance changes the tag and the content the other serves")
    void writeThroughOneShowsThroughTheOther() throws Exception {
        try (DemoServer a = server(); DemoServer b = server()) {
            String slug = a.blog().posts().get(0).slug();
            String[] paths = {"/posts/" + slug, "/api/threads/" + slug + "/comments?order=newest",
                    "/feed/" + slug};
            String[] before = new String[paths.length];
            for (int i = 0; i < paths.length; i++) {
                // Both warm their caches; the same bytes carry the same tag on both.
                before[i] = etag(get(local(b) + paths[i]));
                assertThat(etag(get(local(b) + paths[i]))).isEqualTo(before[i]);
                assertThat(etag(get(local(a) + paths[i]))).isEqualTo(before[i]);
                assertThat(get(local(b) + paths[i], "If-None-Match", before[i]).statusCode()).isEqualTo(304);
            }

            HttpResponse<String> posted = RunningDemo.postForm(RunningDemo.client(), local(a) + "/posts/" + slug,
                    Map.of("name", "Across", "text", "Posted through A, read through B."));
            assertThat(posted.statusCode()).isEqualTo(303);

            for (int i = 0; i < paths.length; i++) {
                HttpResponse<String> fresh = get(local(b) + paths[i], "If-None-Match", before[i]);
                assertThat(fresh.statusCode()).as(paths[i]).isEqualTo(200);
                assertThat(etag(fresh)).isNotEqualTo(before[i]);
                assertThat(etag(get(local(a) + paths[i]))).isEqualTo(etag(fresh));
                assertThat(get(local(b) + paths[i], "If-None-Match", etag(fresh)).statusCode()).isEqualTo(304);
            }
            assertThat(get(local(b) + paths[1]).body()).contains("Posted through A, read through B.");
            assertThat(get(local(b) + paths[2]).body()).contains("Posted through A, read through B.");
            // The page shows its first roots, oldest first: the new comment is on its last page, found by its link.
            String id = get(local(b) + paths[1]).body().replaceFirst("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
            String location = get(local(b) + "/posts/" + slug + "/comments/" + id).headers().firstValue("Location")
                    .orElseThrow();
            assertThat(get(local(b) + location.substring(0, location.indexOf('#'))).body())
                    .contains("Posted through A, read through B.");
        }
    }

    @Test
    @DisplayName("within the freshness window the other instance may serve the render before a write, never a"
            + " held comment; the writing instance shows the write at once")
    void freshnessWindowLagsOnlyOtherInstances() throws Exception {
        try (DemoServer a = server(Duration.ofHours(1)); DemoServer b = server(Duration.ofHours(1))) {
            String slug = a.blog().posts().get(0).slug();
            String[] paths = {"/posts/" + slug, "/api/threads/" + slug + "/comments?order=newest",
                    "/feed/" + slug};
            String[] before = new String[paths.length];
            for (int i = 0; i < paths.length; i++) {
                before[i] = etag(get(local(b) + paths[i]));
                assertThat(etag(get(local(a) + paths[i]))).isEqualTo(before[i]);
            }

            HttpResponse<String> posted = RunningDemo.postForm(RunningDemo.client(), local(a) + "/posts/" + slug,
                    Map.of("name", "Lagging", "text", "Posted through A, read through B later."));
            assertThat(posted.statusCode()).isEqualTo(303);

            for (int i = 0; i < paths.length; i++) {
                // A forgot its reads when it wrote: the new comment shows there at once.
                assertThat(etag(get(local(a) + paths[i]))).as(paths[i]).isNotEqualTo(before[i]);
                // B still trusts the state it read less than the window ago: the render before the write.
                assertThat(get(local(b) + paths[i], "If-None-Match", before[i]).statusCode()).as(paths[i])
                        .isEqualTo(304);
            }
            assertThat(get(local(a) + paths[1]).body()).contains("Posted through A, read through B later.");
            assertThat(get(local(b) + paths[1]).body()).doesNotContain("Posted through A, read through B later.");
        }
    }
}
