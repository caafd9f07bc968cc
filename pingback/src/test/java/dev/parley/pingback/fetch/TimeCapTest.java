package dev.parley.pingback.fetch;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A slow or silent server cannot hold a fetch past the time cap")
class TimeCapTest extends AllowedServerTest {

    @Test
    @DisplayName("a server trickling one byte per 200 ms is cut off at the time cap")
    void tricklingBodyTimesOut() {
        server.on("/slow", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 1000);
            trickle(exchange.getResponseBody(), 1000);
        });
        SafeFetcher fetcher = builder().timeout(Duration.ofMillis(700)).build();

        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> refused(fetcher.fetch(server.uri("/slow")), FetchFailure.TIMEOUT));
    }

    @Test
    void serverThatNeverAnswersTimesOut() {
        CountDownLatch release = new CountDownLatch(1);
        server.on("/silent", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        SafeFetcher fetcher = builder().timeout(Duration.ofMillis(500)).build();

        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> refused(fetcher.fetch(server.uri("/silent")), FetchFailure.TIMEOUT));
        } finally {
            release.countDown();
        }
    }

    @Test
    @DisplayName("the cap is read from the injected clock")
    void deadlineFollowsTheInjectedClock() {
        server.html("/p", "<p>x</p>");
        SteppingClock clock = new SteppingClock(Duration.ofMinutes(1));

        refused(builder().clock(clock).timeout(Duration.ofSeconds(10)).build().fetch(server.uri("/p")),
                FetchFailure.TIMEOUT);
    }

    private void trickle(OutputStream out, int bytes) throws IOException {
        try {
            for (int i = 0; i < bytes; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
