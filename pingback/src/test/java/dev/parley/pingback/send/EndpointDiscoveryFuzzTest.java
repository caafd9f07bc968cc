package dev.parley.pingback.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parley.pingback.fetch.FetchResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

/**
 * Fuzz target for endpoint discovery over a page already fetched ({@link EndpointDiscovery#inspect}): any headers
 * and body give the endpoints found, never an exception, and every endpoint is an absolute http(s) URL with a
 * host; each protocol's own method finds the same one. An input is written like an HTTP response without the
 * status line: {@code name: value} header lines, an empty line, then the body (read as UTF-8); a
 * {@code content-type} header sets the media type, {@code text/html} when absent.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs in regression mode over the inputs kept under
 * {@code src/test/resources/dev/parley/pingback/send/EndpointDiscoveryFuzzTestInputs/}; {@code scripts/fuzz.sh}
 * fuzzes it.
 */
class EndpointDiscoveryFuzzTest {

    private static final URI TARGET = URI.create("https://target.example/2024/post");

    @FuzzTest
    @DisplayName("any fetched page gives absolute http(s) endpoints or none, never an exception")
    void fetchedPage(byte[] input) {
        FetchResult.Fetched page = page(new String(input, StandardCharsets.UTF_8));

        Discovery.Found found = EndpointDiscovery.inspect(TARGET, page);

        assertThat(found.target()).isEqualTo(TARGET);
        assertThat(found.page()).isEqualTo(page.uri());
        assertEndpoint(found.webmention());
        assertEndpoint(found.pingback());
        assertEndpoint(found.trackback());
        assertThat(EndpointDiscovery.webmention(page)).isEqualTo(found.webmention());
        assertThat(EndpointDiscovery.pingback(page)).isEqualTo(found.pingback());
        assertThat(EndpointDiscovery.trackback(TARGET, page)).isEqualTo(found.trackback());
    }

    private static void assertEndpoint(Optional<URI> endpoint) {
        endpoint.ifPresent(uri -> {
            assertThat(uri.isAbsolute()).as("%s is absolute", uri).isTrue();
            assertThat(uri.getScheme().toLowerCase(Locale.ROOT)).as("scheme of %s", uri).isIn("http", "https");
            assertThat(uri.getHost()).as("host of %s", uri).isNotEmpty();
        });
    }

    /** Reads {@code name: value} lines up to the first empty line as headers, the rest as the body. */
    static FetchResult.Fetched page(String input) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String mediaType = "text/html";
        int at = 0;
        while (at < input.length()) {
            int end = input.indexOf('\n', at);
            String line = input.substring(at, end < 0 ? input.length() : end);
            at = end < 0 ? input.length() : end + 1;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("content-type")) {
                int semicolon = value.indexOf(';');
                mediaType = (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
            }
            headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return new FetchResult.Fetched(TARGET, 200, mediaType, StandardCharsets.UTF_8, input.substring(at), headers);
    }
}
