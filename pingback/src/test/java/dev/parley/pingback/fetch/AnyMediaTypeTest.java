package dev.parley.pingback.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code *}{@code /*} among the accepted media types accepts any media type, and only then. */
@DisplayName("The */* media type accepts any response type")
class AnyMediaTypeTest {

    private LoopbackServer server;

    @BeforeEach
    void start() {
        server = LoopbackServer.start("127.0.0.1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SafeFetcher fetcher(Set<String> types) {
        return SafeFetcher.builder().addressPolicy(server.allowance()).acceptedMediaTypes(types).build();
    }

    @Test
    @DisplayName("an image is fetched when */* is accepted, with its Link header")
    void imageIsAccepted() {
        server.on("/photo", exchange -> {
            exchange.getResponseHeaders().add("Link", "</wm>; rel=webmention");
            LoopbackServer.respond(exchange, 200, "image/png", "png bytes".getBytes(StandardCharsets.UTF_8));
        });

        FetchResult result = fetcher(Set.of("text/html", "*/*")).fetch(server.uri("/photo"));

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, page -> {
            assertThat(page.mediaType()).isEqualTo("image/png");
            assertThat(page.header("link")).contains("</wm>; rel=webmention");
        });
        assertThat(server.requests()).singleElement().satisfies(request ->
                assertThat(request.headers().getFirst("Accept")).isEqualTo("text/html, */*"));
    }

    @Test
    @DisplayName("without */* the same image is refused as an unsupported type")
    void imageIsRefusedByDefault() {
        server.page("/photo", 200, "image/png", "png bytes".getBytes(StandardCharsets.UTF_8));

        FetchResult result = fetcher(SafeFetcher.DEFAULT_MEDIA_TYPES).fetch(server.uri("/photo"));

        assertThat(result).isInstanceOfSatisfying(FetchResult.Refused.class, refused ->
                assertThat(refused.failure()).isEqualTo(FetchFailure.UNSUPPORTED_CONTENT_TYPE));
    }

    @Test
    @DisplayName("a response without Content-Type is application/octet-stream under */*")
    void missingContentTypeIsOctetStream() {
        server.on("/blob", exchange -> {
            exchange.sendResponseHeaders(200, 4);
            exchange.getResponseBody().write("blob".getBytes(StandardCharsets.US_ASCII));
        });

        FetchResult result = fetcher(Set.of("*/*")).fetch(server.uri("/blob"));

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, page -> {
            assertThat(page.mediaType()).isEqualTo("application/octet-stream");
            assertThat(page.body()).isEqualTo("blob");
        });
    }

    @Test
    @DisplayName("other wildcards such as text/* are still rejected by the builder")
    void otherWildcardsAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SafeFetcher.builder().acceptedMediaTypes(Set.of("text/*")).build())
                .withMessageContaining("acceptedMediaTypes");
    }
}
