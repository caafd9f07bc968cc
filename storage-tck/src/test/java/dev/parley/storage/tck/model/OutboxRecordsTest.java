package dev.parley.storage.tck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.outbox.LinkbackOutboxes;
import dev.parley.storage.outbox.SendResult;
import dev.parley.storage.outbox.SendStatus;
import dev.parley.storage.outbox.TargetRecord;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The outbox records check their components")
class OutboxRecordsTest {

    private static final Instant AT = Instant.parse("2030-01-01T00:00:00.123456789Z");

    @Test
    @DisplayName("a send result keeps its values, with its time truncated to microseconds")
    void sendResultKeepsValues() {
        SendResult result = new SendResult(SendStatus.SENT, "WEBMENTION", "https://a.example/wm", 201,
                "https://a.example/m/1", "line one\r\n\tline two", 3, AT);

        assertThat(result.at()).isEqualTo(Instant.parse("2030-01-01T00:00:00.123456Z"));
        assertThat(result.reason()).isEqualTo("line one\r\n\tline two");
    }

    @Test
    @DisplayName("a send result refuses a null status or time, a bad HTTP status, negative attempts, empty or"
            + " over-long fields and control characters, naming the component")
    void sendResultRefusesMisuse() {
        assertThatThrownBy(() -> new SendResult(null, null, null, 0, null, null, 0, AT))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> new SendResult(SendStatus.SENT, null, null, 0, null, null, 0, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("time");
        assertThatThrownBy(() -> new SendResult(SendStatus.SENT, null, null, 99, null, null, 0, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTP status");
        assertThatThrownBy(() -> new SendResult(SendStatus.SENT, null, null, 1000, null, null, 0, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTP status");
        assertThatThrownBy(() -> new SendResult(SendStatus.SENT, null, null, 0, null, null, -1, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempts");
        assertThatThrownBy(() -> new SendResult(SendStatus.SENT, "", null, 0, null, null, 0, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("protocol");
        assertThatThrownBy(() -> new SendResult(SendStatus.SENT, "P".repeat(SendResult.MAX_PROTOCOL_LENGTH + 1),
                null, 0, null, null, 0, AT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("protocol");
        assertThatThrownBy(() -> new SendResult(SendStatus.SENT, null, "https://a.example/\n", 0, null, null, 0, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> new SendResult(SendStatus.SENT, null, null, 0,
                "x".repeat(LinkbackOutbox.MAX_URL_LENGTH + 1), null, 0, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("location");
        assertThatThrownBy(() -> new SendResult(SendStatus.SENT, null, null, 0, null, "nul \u0000", 0, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> new SendResult(SendStatus.SENT, null, null, 0, null,
                "r".repeat(SendResult.MAX_REASON_LENGTH + 1), 0, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> new SendResult(SendStatus.SENT, null, null, 0, null, null, 0,
                Instant.parse("+10000-01-01T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a target record takes a result's fields and time, keeping source, target and live")
    void targetRecordTakesAResult() {
        TargetRecord queued = TargetRecord.queued("https://s.example/", "https://t.example/", false, AT);
        SendResult failed = new SendResult(SendStatus.FAILED, "PINGBACK", "https://t.example/xmlrpc", 200, null,
                "fault 48", 1, AT.plusSeconds(5));

        assertThat(queued.with(failed)).isEqualTo(new TargetRecord("https://s.example/", "https://t.example/",
                false, SendStatus.FAILED, "PINGBACK", "https://t.example/xmlrpc", 200, null, "fault 48", 1,
                failed.at()));
        assertThatThrownBy(() -> TargetRecord.queued(" ", "https://t.example/", true, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
    }

    @Test
    @DisplayName("the send job of a source and target: its kind, payload and deduplication key")
    void sendJob() {
        var job = LinkbackOutboxes.sendJob("https://s.example/", "https://t.example/", AT);

        assertThat(job.kind()).isEqualTo(LinkbackOutbox.SEND_KIND);
        assertThat(job.payload()).isEqualTo("https://s.example/\nhttps://t.example/");
        assertThat(job.dedupKey()).isEqualTo("https://s.example/ https://t.example/");
        assertThat(job.runAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00.123456Z"));
    }
}
