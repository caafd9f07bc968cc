package dev.parley.pingback.webmention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.pingback.Fault;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebmentionAnswerTest {

    @Test
    void badRequestCarriesAPlainTextReason() {
        WebmentionAnswer answer = WebmentionAnswer.badRequest("source and target must be different URLs");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers()).containsExactly(Map.entry("Content-Type", "text/plain; charset=utf-8"));
        assertThat(answer.bodyBytes()).isEqualTo("source and target must be different URLs".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptedHasNoBody() {
        assertThat(WebmentionAnswer.accepted()).isEqualTo(new WebmentionAnswer(202, Map.of(), ""));
        assertThat(WebmentionAnswer.accepted().bodyBytes()).isEmpty();
    }

    @Test
    void acceptedMayPointAtAStatusPage() {
        assertThat(WebmentionAnswer.accepted(URI.create("/webmention/status/42")))
                .isEqualTo(new WebmentionAnswer(202, Map.of("Location", "/webmention/status/42"), ""));
    }

    @Test
    void createdPointsAtTheStatusPage() {
        WebmentionAnswer answer = WebmentionAnswer.created(URI.create("https://bob.example/webmention/42"));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.headers()).containsExactly(Map.entry("Location", "https://bob.example/webmention/42"));
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void okIsTheSynchronousSuccess() {
        assertThat(WebmentionAnswer.ok()).isEqualTo(new WebmentionAnswer(200, Map.of(), ""));
    }

    @ParameterizedTest
    @CsvSource({
        "GENERIC, 400",
        "SOURCE_NOT_FOUND, 400",
        "SOURCE_HAS_NO_LINK, 400",
        "TARGET_NOT_FOUND, 400",
        "TARGET_NOT_PINGABLE, 400",
        "ALREADY_REGISTERED, 400",
        "ACCESS_DENIED, 403",
        "UPSTREAM_ERROR, 502",
        "PARSE_ERROR, 400",
        "INVALID_REQUEST, 400",
        "METHOD_NOT_FOUND, 400",
        "INVALID_PARAMS, 400",
    })
    void everyFaultMapsToItsHttpStatusWithTheReason(Fault fault, int status) {
        WebmentionAnswer answer = WebmentionAnswer.fault(fault, "reason for " + fault.name());
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.headers()).containsExactly(Map.entry("Content-Type", "text/plain; charset=utf-8"));
        assertThat(answer.body()).isEqualTo("reason for " + fault.name());
    }

    @Test
    void refusedParseIsA400() {
        assertThat(WebmentionAnswer.fault(new WebmentionParse.Refused(Fault.GENERIC, "target is required")))
                .isEqualTo(WebmentionAnswer.badRequest("target is required"));
    }

    @Test
    void bodyIsUtf8() {
        assertThat(WebmentionAnswer.badRequest("caf\u00e9").bodyBytes()).containsExactly('c', 'a', 'f', 0xC3, 0xA9);
    }

    @Test
    void headersKeepTheirOrderAndCannotBeChanged() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", "/s/1");
        headers.put("Link", "</s>; rel=status");
        WebmentionAnswer answer = new WebmentionAnswer(201, headers, "");
        headers.clear();
        assertThat(answer.headers().keySet()).containsExactly("Location", "Link");
        assertThatThrownBy(() -> answer.headers().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void headerInjectionIsMisuse() {
        assertThatThrownBy(() -> new WebmentionAnswer(200, Map.of("X", "a\r\nSet-Cookie: b"), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CR or LF");
    }

    @Test
    void statusOutOfRangeIsMisuse() {
        assertThatThrownBy(() -> new WebmentionAnswer(99, Map.of(), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> new WebmentionAnswer(600, Map.of(), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
    }
}
