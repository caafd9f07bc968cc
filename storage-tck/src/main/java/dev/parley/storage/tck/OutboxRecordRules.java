package dev.parley.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.outbox.SendResult;
import dev.parley.storage.outbox.SendStatus;
import dev.parley.storage.outbox.TargetRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code record}: results land on existing records only, exactly as given. */
abstract class OutboxRecordRules extends OutboxRules {

    OutboxRecordRules(Supplier<LinkbackOutbox> outboxes, SettableClock clock) {
        super(outboxes, clock);
    }

    @Test
    @DisplayName("a result replaces the record's status and result fields and its time; source, target and live stay")
    void resultIsStored() {
        plan(SOURCE, targets("a", "b"));
        plan(SOURCE, targets("b"));
        SendResult result = new SendResult(SendStatus.SENT, "WEBMENTION", "https://a.example/webmention", 201,
                "https://a.example/mentions/17", "accepted", 2, now().plusSeconds(90));

        assertThat(outbox().record(SOURCE, target("a"), result)).isTrue();
        assertThat(outbox().record(SOURCE, target("b"), result)).isTrue();

        assertThat(records(SOURCE)).containsExactly(
                new TargetRecord(SOURCE, target("b"), true, SendStatus.SENT, "WEBMENTION",
                        "https://a.example/webmention", 201, "https://a.example/mentions/17", "accepted", 2,
                        now().plusSeconds(90)),
                new TargetRecord(SOURCE, target("a"), false, SendStatus.SENT, "WEBMENTION",
                        "https://a.example/webmention", 201, "https://a.example/mentions/17", "accepted", 2,
                        now().plusSeconds(90)));
    }

    @Test
    @DisplayName("a result for a target the source never linked to, or for a source never planned, is refused with"
            + " false and creates nothing")
    void noSuchRecord() {
        plan(SOURCE, targets("a"));

        assertThat(outbox().record(SOURCE, target("b"), sent(1))).isFalse();
        assertThat(outbox().record(OTHER_SOURCE, target("a"), sent(1))).isFalse();
        assertThat(outbox().record(SOURCE, target("a") + "/", sent(1))).isFalse();

        assertThat(records(SOURCE)).containsExactly(queued(SOURCE, target("a"), true, now()));
        assertThat(records(OTHER_SOURCE)).isEmpty();
    }

    @Test
    @DisplayName("every status round-trips, and absent fields stay null")
    void everyStatusWithNulls() {
        plan(SOURCE, targets("a"));
        for (SendStatus status : SendStatus.values()) {
            clock().advance(Duration.ofSeconds(1));
            SendResult result = new SendResult(status, null, null, 0, null, null, 0, now());

            assertThat(outbox().record(SOURCE, target("a"), result)).isTrue();

            assertThat(records(SOURCE)).containsExactly(
                    new TargetRecord(SOURCE, target("a"), true, status, null, null, 0, null, null, 0, now()));
        }
    }

    @Test
    @DisplayName("fields round-trip exactly: microsecond times before and after the epoch, maximum lengths in 4-byte"
            + " characters, a reason with line breaks, large counts")
    void exactValues() {
        String longUrl = "https://x.example/" + "\uD83D\uDE00".repeat((LinkbackOutbox.MAX_URL_LENGTH - 18) / 2);
        assertThat(longUrl).hasSize(LinkbackOutbox.MAX_URL_LENGTH);
        String reason = ("HTTP 503\r\n\tRetry-After: 120 \u2014 \u05E9\u05DC\u05D5\u05DD \uD83D\uDE00 ")
                .repeat(SendResult.MAX_REASON_LENGTH).substring(0, SendResult.MAX_REASON_LENGTH - 1) + "!";
        plan(longUrl, java.util.Set.of(longUrl, target("a")));
        Instant[] times = {Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("2030-06-01T12:34:56.789012Z"),
            Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999Z")};
        for (Instant at : times) {
            SendResult result = new SendResult(SendStatus.RETRYING, "P".repeat(SendResult.MAX_PROTOCOL_LENGTH),
                    longUrl, 999, longUrl, reason, Integer.MAX_VALUE, at);

            assertThat(outbox().record(longUrl, longUrl, result)).isTrue();

            assertThat(record(longUrl, longUrl)).isEqualTo(new TargetRecord(longUrl, longUrl, true,
                    SendStatus.RETRYING, "P".repeat(SendResult.MAX_PROTOCOL_LENGTH), longUrl, 999, longUrl, reason,
                    Integer.MAX_VALUE, at));
        }
        assertThat(record(longUrl, target("a"))).isEqualTo(queued(longUrl, target("a"), true, now()));
    }

    @Test
    @DisplayName("a later plan of the target puts the record back to QUEUED with the result cleared")
    void planClearsTheResult() {
        plan(SOURCE, targets("a"));
        outbox().record(SOURCE, target("a"), new SendResult(SendStatus.FAILED, "PINGBACK",
                "https://a.example/xmlrpc", 200, null, "fault 33", 3, now()));
        clock().advance(Duration.ofHours(1));

        plan(SOURCE, targets("a"));

        assertThat(records(SOURCE)).containsExactly(queued(SOURCE, target("a"), true, now()));
    }

    @Test
    @DisplayName("URLs are compared exactly when recording: case, a trailing slash and the scheme tell records apart")
    void urlsCompareExactly() {
        String lower = "https://a.example/post";
        String upper = "https://A.example/Post";
        plan(SOURCE, java.util.Set.of(lower, upper));

        assertThat(outbox().record(SOURCE, upper, sent(1))).isTrue();
        assertThat(outbox().record(SOURCE, "http://a.example/post", sent(1))).isFalse();
        assertThat(outbox().record(SOURCE.toUpperCase(java.util.Locale.ROOT), lower, sent(1))).isFalse();

        assertThat(record(SOURCE, upper).status()).isEqualTo(SendStatus.SENT);
        assertThat(record(SOURCE, lower).status()).isEqualTo(SendStatus.QUEUED);
    }
}
