package dev.parley.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.mail.MailMessage;
import dev.parley.storage.Comment;
import dev.parley.storage.jobs.Backoff;
import dev.parley.storage.jobs.JobState;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DeliveryRetryTest {

    /** Jitter pinned to the ceiling, so the retry times are exact. */
    private static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(8),
            new RandomGenerator() {
                @Override
                public long nextLong() {
                    return 0;
                }

                @Override
                public long nextLong(long bound) {
                    return bound - 1;
                }
            });

    private final NotifyFixture f = new NotifyFixture(n -> n.backoff(BACKOFF).maxAttempts(3), s -> s);

    @Test
    void aMailServerThatIsDownDelaysTheBatchAndLosesNothing() {
        Comment ann = f.postWatchedAndConfirm("Ann", "First!");
        f.mailer.down(true);
        f.post("Bob", "One.", ann);
        f.post("Cat", "Two.", ann);
        f.advance(Duration.ofMinutes(10));

        assertThat(f.work()).isEqualTo(new WorkResult(0, 2, 0, 0));
        f.advance(Duration.ofSeconds(59));
        assertThat(f.work()).isEqualTo(WorkResult.NONE);
        f.advance(Duration.ofSeconds(1));
        assertThat(f.work()).isEqualTo(new WorkResult(0, 2, 0, 0));

        f.mailer.down(false);
        f.advance(Duration.ofMinutes(2));
        assertThat(f.work()).isEqualTo(new WorkResult(1, 0, 0, 0));
        assertThat(f.mailer.refused()).isEqualTo(2);
        assertThat(f.mailer.sent()).extracting(MailMessage::subject)
                .containsExactly("2 new replies to your comments on Blog");
    }

    @Test
    void aMailIsGivenUpAfterItsLastAttempt() {
        NotifyFixture owner = new NotifyFixture(
                n -> n.backoff(BACKOFF).maxAttempts(2).postAuthors(t -> Optional.of(NotifyFixture.OWNER)), s -> s);
        owner.mailer.down(true);
        owner.post("Bob", "Hello.", null);

        assertThat(owner.work()).isEqualTo(new WorkResult(0, 1, 0, 0));
        owner.advance(Duration.ofMinutes(1));
        assertThat(owner.work()).isEqualTo(new WorkResult(0, 0, 1, 0));
        owner.advance(Duration.ofDays(1));
        assertThat(owner.work()).isEqualTo(WorkResult.NONE);
        assertThat(owner.jobs.countUnfinished("notify-author")).isZero();
    }

    @Test
    void theEventIsQueuedBeforeThePostReturns() {
        Comment ann = f.postWatchedAndConfirm("Ann", "First!");
        f.post("Bob", "One.", ann);

        assertThat(f.jobs.countUnfinished("notify-reply")).isEqualTo(1);
        assertThat(f.jobs.claim("notify-reply", "peek", 10, Duration.ofSeconds(1))).isEmpty();
        f.advance(Duration.ofMinutes(10));
        var claimed = f.jobs.claim("notify-reply", "peek", 10, Duration.ofSeconds(1));
        assertThat(claimed).singleElement().satisfies(job -> assertThat(job.state()).isEqualTo(JobState.RUNNING));
    }
}
