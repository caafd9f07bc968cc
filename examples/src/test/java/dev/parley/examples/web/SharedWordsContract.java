package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.Settings;
import dev.parley.examples.DemoConfig;
import dev.parley.examples.DemoServer;
import dev.parley.storage.Status;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two demo instances on one database, as behind a load balancer: the moderation words live in the database, so an
 * edit on one instance judges the comments of the other once that one's copy is
 * {@link ModerationWords#REFRESH_INTERVAL} old, on the demo's clock, which the test moves. A subclass names the
 * database.
 */
abstract class SharedWordsContract {

    private static final Duration ALMOST = ModerationWords.REFRESH_INTERVAL.minusSeconds(1);

    private final ManualClock clock = new ManualClock(Instant.parse("2025-03-01T10:00:00Z"));

    /**
     * The demo's settings for the test's database, the same for both instances.
     *
     * @return the store's settings, without port and password
     */
    abstract Map<String, String> storeSettings();

    /**
     * A connection of the test's own to the instances' database.
     *
     * @return the connection
     * @throws SQLException if the database cannot be reached
     */
    abstract Connection database() throws SQLException;

    private DemoServer server() throws Exception {
        Map<String, String> settings = new HashMap<>(storeSettings());
        settings.put("parley.port", "0");
        settings.put("parley.admin.password", RunningDemo.PASSWORD);
        DemoConfig config = DemoConfig.from(settings::get);
        DemoServer server = DemoServer.builder().config(config).clock(clock)
                .settings(Settings.builder().requireEmail(false).holdNewAuthors(false).linkLimit(2)
                        .floodInterval(Duration.ZERO).build())
                .build();
        server.start();
        return server;
    }

    private static Status status(DemoServer server, String text) throws Exception {
        return WordsTest.comment(server, text).status();
    }

    @Test
    @DisplayName("hold and block words saved on one instance judge the other's comments once its copy is 5 s old")
    void editOnOneAppliesOnTheOtherAfterTheInterval() throws Exception {
        try (DemoServer a = server(); DemoServer b = server()) {
            HttpClient moderatorOnA = WordsTest.loggedIn(a.baseUrl());
            assertThat(WordsTest.save(moderatorOnA, a.baseUrl(), "casino", "cheap pills").statusCode())
                    .isEqualTo(303);
            assertThat(status(a, "casino night on A")).isEqualTo(Status.PENDING);
            assertThat(status(a, "cheap pills on A")).isEqualTo(Status.SPAM);

            // B's copy is from its start: until it is 5 s old, B judges by the words it read then.
            clock.advance(ALMOST);
            assertThat(status(b, "casino night on B, early")).isEqualTo(Status.APPROVED);
            assertThat(status(b, "cheap pills on B, early")).isEqualTo(Status.APPROVED);
            clock.advance(Duration.ofSeconds(1));
            assertThat(status(b, "casino night on B")).isEqualTo(Status.PENDING);
            assertThat(status(b, "cheap pills on B")).isEqualTo(Status.SPAM);

            // And back: B's moderator swaps the lists; A, whose copy is from its save 5 s ago, reads them at once.
            HttpClient moderatorOnB = WordsTest.loggedIn(b.baseUrl());
            assertThat(WordsTest.save(moderatorOnB, b.baseUrl(), "cheap pills", "casino").statusCode())
                    .isEqualTo(303);
            assertThat(status(a, "casino again on A")).isEqualTo(Status.SPAM);
            assertThat(status(a, "cheap pills again on A")).isEqualTo(Status.PENDING);
            // A read them just now: another save on B waits for A's next read, 5 s later.
            assertThat(WordsTest.save(moderatorOnB, b.baseUrl(), "", "").statusCode()).isEqualTo(303);
            assertThat(status(b, "casino, cleared on B")).isEqualTo(Status.APPROVED);
            clock.advance(ALMOST);
            assertThat(status(a, "casino, still on A")).isEqualTo(Status.SPAM);
            clock.advance(Duration.ofSeconds(1));
            assertThat(status(a, "casino, cleared on A")).isEqualTo(Status.APPROVED);
            assertThat(status(a, "cheap pills, cleared on A")).isEqualTo(Status.APPROVED);
        }
    }

    @Test
    @DisplayName("the words page of one instance shows a save on the other at once, not its own copy")
    void pageShowsTheDatabase() throws Exception {
        try (DemoServer a = server(); DemoServer b = server()) {
            assertThat(WordsTest.save(WordsTest.loggedIn(a.baseUrl()), a.baseUrl(), "casino\npoker", "cheap pills")
                    .statusCode()).isEqualTo(303);
            Document page = Jsoup.parse(RunningDemo.get(WordsTest.loggedIn(b.baseUrl()), b.baseUrl() + "/admin/words")
                    .body());
            assertThat(page.selectFirst("textarea[name=hold]").wholeText()).isEqualTo("casino\npoker");
            assertThat(page.selectFirst("textarea[name=block]").wholeText()).isEqualTo("cheap pills");
            // Reading them for the page took them into use on B too.
            assertThat(status(b, "poker tonight")).isEqualTo(Status.PENDING);
        }
    }

    @Test
    @DisplayName("a save the database refuses changes neither list, on either instance, and keeps the typed text")
    void saveIsAllOrNothing() throws Exception {
        try (DemoServer a = server(); DemoServer b = server()) {
            HttpClient moderator = WordsTest.loggedIn(a.baseUrl());
            assertThat(WordsTest.save(moderator, a.baseUrl(), "casino", "cheap pills").statusCode()).isEqualTo(303);
            try (Connection connection = database(); Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE parley_demo_moderation_words ADD CONSTRAINT refuses_forbidden"
                        + " CHECK (block_words NOT LIKE '%forbidden%')");
            }

            // The hold list alone would be valid: it must not be saved without the block list.
            HttpResponse<String> refused = WordsTest.save(moderator, a.baseUrl(), "poker", "forbidden");

            assertThat(refused.statusCode()).isEqualTo(503);
            Document page = Jsoup.parse(refused.body());
            assertThat(page.selectFirst(".errors").text())
                    .isEqualTo("The words could not be saved; the ones before are still in use.");
            assertThat(page.selectFirst("textarea[name=hold]").wholeText()).isEqualTo("poker");
            assertThat(page.selectFirst("textarea[name=block]").wholeText()).isEqualTo("forbidden");
            try (Connection connection = database(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT hold_words, block_words FROM parley_demo_moderation_words")) {
                assertThat(rows.next()).isTrue();
                assertThat(List.of(rows.getString(1), rows.getString(2))).containsExactly("casino", "cheap pills");
                assertThat(rows.next()).isFalse();
            }
            assertThat(status(a, "poker on A")).isEqualTo(Status.APPROVED);
            assertThat(status(a, "casino on A")).isEqualTo(Status.PENDING);
            assertThat(status(a, "forbidden on A")).isEqualTo(Status.APPROVED);
            clock.advance(ModerationWords.REFRESH_INTERVAL);
            assertThat(status(b, "poker on B")).isEqualTo(Status.APPROVED);
            assertThat(status(b, "cheap pills on B")).isEqualTo(Status.SPAM);
        }
    }

    @Test
    @DisplayName("while the words cannot be read, an instance judges by its copy and reads again 5 s later")
    void unreadableWordsKeepTheCopy() throws Exception {
        try (DemoServer a = server(); DemoServer b = server()) {
            assertThat(WordsTest.save(WordsTest.loggedIn(a.baseUrl()), a.baseUrl(), "casino", "").statusCode())
                    .isEqualTo(303);
            clock.advance(ModerationWords.REFRESH_INTERVAL);
            assertThat(status(b, "casino one")).isEqualTo(Status.PENDING);

            execute("ALTER TABLE parley_demo_moderation_words RENAME TO parley_demo_moderation_words_away");
            clock.advance(ModerationWords.REFRESH_INTERVAL);
            assertThat(status(b, "casino two")).isEqualTo(Status.PENDING);

            execute("ALTER TABLE parley_demo_moderation_words_away RENAME TO parley_demo_moderation_words");
            execute("UPDATE parley_demo_moderation_words SET hold_words = '' WHERE id = 1");
            clock.advance(ALMOST);
            assertThat(status(b, "casino three")).isEqualTo(Status.PENDING);
            clock.advance(Duration.ofSeconds(1));
            assertThat(status(b, "casino four")).isEqualTo(Status.APPROVED);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
