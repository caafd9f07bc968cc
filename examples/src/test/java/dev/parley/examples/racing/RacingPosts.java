package dev.parley.examples.racing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.Settings;
import dev.parley.examples.DemoConfig;
import dev.parley.examples.DemoServer;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Identical and flooding posts sent at once to the demo's JSON API, on a real database: the duplicate and
 * flood rules hold because the store checks them atomically at insert. Each subclass names a database.
 */
abstract class RacingPosts {

    private static final int IDENTICAL = 8;
    private static final int FLOOD = 16;

    /** A store on an empty comment table of the database under test. */
    abstract CommentStore emptyStore() throws Exception;

    @Test
    @DisplayName("of 8 identical comments posted at once, exactly one is stored; the others are refused with 422")
    void identicalPostsAreStoredOnce() throws Exception {
        CommentStore store = emptyStore();
        String text = "Posted twice by an impatient double click " + System.nanoTime();

        List<HttpResponse<String>> responses = race(store, IDENTICAL, racer ->
                "{\"name\":\"Ann\",\"email\":\"ann@example.org\",\"text\":\"" + text + "\"}");

        assertExactlyOneCreated(responses);
        assertThat(stored(store, text)).hasSize(1);
    }

    @Test
    @DisplayName("of 16 comments from one address posted at once, exactly one is stored within the flood interval")
    void floodFromOneAddressStoresOne() throws Exception {
        CommentStore store = emptyStore();

        List<HttpResponse<String>> responses = race(store, FLOOD, racer ->
                "{\"name\":\"Bot " + racer + "\",\"email\":\"bot" + racer + "@example.org\",\"text\":\"Buy number "
                        + racer + "\"}");

        assertExactlyOneCreated(responses);
        assertThat(responses).filteredOn(r -> r.statusCode() == 422)
                .allSatisfy(r -> assertThat(r.body()).contains("\"flood\""));
        assertThat(stored(store, "Buy number")).hasSize(1);
    }

    private static void assertExactlyOneCreated(List<HttpResponse<String>> responses) {
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).as("posts acknowledged").hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() != 201)
                .allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(422));
    }

    private static List<Comment> stored(CommentStore store, String text) {
        List<Comment> found = new ArrayList<>();
        for (Comment comment : store.queue(EnumSet.allOf(Status.class), PageRequest.first(Order.OLDEST_FIRST, 1000))
                .items()) {
            if (comment.text().contains(text)) {
                found.add(comment);
            }
        }
        return found;
    }

    /** Starts the demo on {@code store} with the default rules and sends the posts together. */
    private static List<HttpResponse<String>> race(CommentStore store, int racers, IntFunction<String> body)
            throws Exception {
        // The flood interval is the default, 15 s; seeding needs comments without e-mail.
        Settings settings = Settings.builder().requireEmail(false).holdNewAuthors(false).build();
        try (DemoServer demo = DemoServer.builder().config(DemoConfig.inMemory("a-long-enough-password"))
                .store(store).settings(settings).build()) {
            demo.start();
            String url = demo.baseUrl() + "/api/threads/" + demo.blog().posts().get(0).slug() + "/comments";
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            CyclicBarrier start = new CyclicBarrier(racers);
            try {
                List<Future<HttpResponse<String>>> futures = new ArrayList<>();
                for (int r = 0; r < racers; r++) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.apply(r))).build();
                    futures.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return client.send(request, HttpResponse.BodyHandlers.ofString());
                    }));
                }
                List<HttpResponse<String>> responses = new ArrayList<>();
                for (Future<HttpResponse<String>> future : futures) {
                    responses.add(future.get(60, TimeUnit.SECONDS));
                }
                return responses;
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
