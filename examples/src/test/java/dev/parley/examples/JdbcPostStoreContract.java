package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The post store contract on a database the demo opens as it does at start, plus what only a database does. */
abstract class JdbcPostStoreContract extends PostStoreContract {

    private final List<DemoStorage> opened = new ArrayList<>();
    private DemoConfig config;

    /** Where an embedded database's files go; deleted after each test, once the storage is closed. */
    @TempDir
    Path files;

    /**
     * The configuration of a new, empty database.
     *
     * @param directory a new directory for an embedded database's files
     */
    protected abstract DemoConfig newDatabase(Path directory) throws Exception;

    @Override
    protected PostStore createStore() throws Exception {
        config = newDatabase(files);
        return openStorage().posts();
    }

    private DemoStorage openStorage() {
        DemoStorage storage = DemoStorage.open(config);
        opened.add(storage);
        return storage;
    }

    @AfterEach
    void close() {
        opened.forEach(DemoStorage::close);
    }

    @Test
    @DisplayName("a second opening, as another instance or a restart, finds the posts; the demo's migration ran once,"
            + " recorded in its own history table")
    void reopened() throws Exception {
        Instant at = Instant.parse("2026-11-03T08:00:00Z");
        Post post = new Post("kept", "Kept", "Mara", "mara", "Body", at, at, false);
        opened.get(0).posts().insert(post);

        DemoStorage again = openStorage();

        assertThat(again.posts().find("kept")).contains(post);
        assertThat(JdbcPostStore.TABLE).isEqualTo("parley_demo_post");
        assertThat(strings(again.dataSource(), "SELECT %s FROM %s ORDER BY %s", "script", JdbcPostStore.HISTORY_TABLE,
                "installed_rank")).containsOnlyOnce("V1__demo_posts.sql");
        assertThat(strings(again.dataSource(), "SELECT %s FROM %s", "script", "parley_schema_history"))
                .noneMatch(script -> script != null && script.contains("demo_posts"));
    }

    /** The first column of a query of Flyway's tables, whose lower-case names H2 needs quoted. */
    private static List<String> strings(DataSource dataSource, String sql, String... names) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
            Object[] quoted = java.util.Arrays.stream(names).map(name -> h2 ? "\"" + name + "\"" : name).toArray();
            try (ResultSet rows = statement.executeQuery(String.format(java.util.Locale.ROOT, sql, quoted))) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
