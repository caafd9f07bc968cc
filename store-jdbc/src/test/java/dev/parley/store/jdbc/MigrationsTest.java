package dev.parley.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.InsertConditions;
import dev.parley.storage.InsertResult;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.ThreadState;
import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.tck.Comments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

@DisplayName("Schema migrations")
class MigrationsTest {

    private static JdbcDataSource freshH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    private static void execute(JdbcDataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> appliedVersions(DataSource db) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT \"version\", \"type\" FROM \"" + JdbcCommentStore.SCHEMA_HISTORY_TABLE + "\""
                        + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                versions.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return versions;
    }

    @Test
    @DisplayName("an empty database gets every migration in order, recorded in parley_schema_history")
    void emptyDatabaseGetsEveryMigration() throws SQLException {
        JdbcDataSource db = freshH2();

        JdbcCommentStore.create(db);

        assertThat(appliedVersions(db)).containsExactly("1 SQL", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL", "8.1 JDBC", "9 SQL");
    }

    @Test
    @DisplayName("an empty SQLite database gets every migration in order too")
    void emptySqliteDatabaseGetsEveryMigration(@TempDir Path directory) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        SQLiteDataSource db = new SQLiteDataSource(config);
        db.setUrl("jdbc:sqlite:" + directory.resolve("parley.db").toAbsolutePath());

        JdbcCommentStore store = JdbcCommentStore.create(db);

        assertThat(appliedVersions(db)).containsExactly("1 SQL", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL", "8.1 JDBC", "9 SQL");
        Comment first = Comments.root("c1", "t", Comments.at(0)).build();
        assertThat(store.insert(first, InsertConditions.NONE.withFingerprint("f")))
                .isEqualTo(new InsertResult.Inserted());
        assertThat(store.find(first.id())).contains(first);
    }

    @Test
    @DisplayName("a database holding the host's own tables gets every migration too, and keeps its tables")
    void hostTablesAreLeftAlone() throws SQLException {
        JdbcDataSource db = freshH2();
        execute(db, "CREATE TABLE blog_post (id INT PRIMARY KEY)");
        execute(db, "INSERT INTO blog_post VALUES (1)");

        JdbcCommentStore store = JdbcCommentStore.create(db);

        assertThat(appliedVersions(db))
                .containsExactly("0 BASELINE", "1 SQL", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL", "8.1 JDBC", "9 SQL");
        store.insert(Comments.root("c1", "t", Comments.at(0)).build());
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM blog_post")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("migration 7 gives every thread that holds comments its row: exact counts by status, version 1")
    void threadRowsAreBackfilled() throws SQLException {
        JdbcDataSource db = freshH2();
        // A database written at version 6, before the thread rows.
        Flyway.configure(MigrationsTest.class.getClassLoader()).dataSource(db)
                .locations(Dialect.H2.migrationLocation()).table(Migrations.HISTORY_TABLE).target("6").load()
                .migrate();
        insertAtVersion6(db, "a", "t1", null, "APPROVED", 0);
        insertAtVersion6(db, "a1", "t1", "a", "PENDING", 1);
        insertAtVersion6(db, "a2", "t1", "a", "SPAM", 2);
        insertAtVersion6(db, "b", "t2", null, "DELETED", 3);

        JdbcCommentStore migrated = JdbcCommentStore.create(db);

        ThreadKey t1 = ThreadKey.of("t1");
        ThreadKey t2 = ThreadKey.of("t2");
        assertThat(migrated.state(t1)).isEqualTo(new ThreadState(t1, 1, new StatusCounts(1, 1, 1, 0)));
        assertThat(migrated.state(t2)).isEqualTo(new ThreadState(t2, 1, new StatusCounts(0, 0, 0, 1)));
        migrated.delete(CommentId.of("b"));
        assertThat(migrated.state(t2)).isEqualTo(new ThreadState(t2, 2, StatusCounts.ZERO));
    }

    /** A comment row as version 6 of the schema holds it: a root, or a reply one level down. */
    private static void insertAtVersion6(JdbcDataSource db, String id, String thread, String parent, String status,
            int second) throws SQLException {
        execute(db, "INSERT INTO parley_comment (id, thread, parent_id, root_id, depth, kind, status, author_name,"
                + " body_text, body_html, created_micros, updated_micros, version, attributes) VALUES ('" + id + "', '"
                + thread + "', " + (parent == null ? "NULL" : "'" + parent + "'") + ", '"
                + (parent == null ? id : parent) + "', " + (parent == null ? 0 : 1) + ", 'COMMENT', '" + status
                + "', 'Ann', 'hi', '<p>hi</p>', " + second * 1_000_000L + ", " + second * 1_000_000L + ", 0, '{}')");
    }

    @Test
    @DisplayName("a comment table made before migrations is taken as version 1, migrated on, and keeps its comments,"
            + " without provenance")
    void legacyTableIsBaselinedAndMigrated() throws SQLException, IOException {
        JdbcDataSource db = freshH2();
        String v1;
        try (InputStream in = MigrationsTest.class.getClassLoader()
                .getResourceAsStream("parley-store-jdbc/migration/h2/V1__comments.sql")) {
            v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String statement : v1.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                execute(db, statement);
            }
        }
        execute(db, "INSERT INTO parley_comment (id, thread, root_id, depth, kind, status, author_name, body_text,"
                + " body_html, created_micros, updated_micros, version, attributes) VALUES ('old', 't', 'old', 0,"
                + " 'COMMENT', 'APPROVED', 'Ann', 'hi', '<p>hi</p>', 0, 0, 0, '{}')");

        JdbcCommentStore store = JdbcCommentStore.create(db);

        assertThat(appliedVersions(db))
                .containsExactly("1 BASELINE", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL", "8.1 JDBC", "9 SQL");
        assertThat(store.find(CommentId.of("old"))).hasValueSatisfying(old -> assertThat(old.provenance()).isNull());
        Comment next = Comments.root("new", "t", Comments.at(5)).build();
        assertThat(store.insert(next, InsertConditions.NONE.withFingerprint("f"))).isEqualTo(new InsertResult.Inserted());
        assertThat(store.counts(ThreadKey.of("t")).total()).isEqualTo(2);
    }

    @Test
    @DisplayName("a send job that waited unclaimed before version 5 is found by a plan after it: no second job")
    void waitingSendSurvivesVersion5() throws SQLException {
        JdbcDataSource db = freshH2();
        Flyway.configure(MigrationsTest.class.getClassLoader()).dataSource(db)
                .locations(Dialect.H2.migrationLocation()).table(Migrations.HISTORY_TABLE).target("4").load()
                .migrate();
        String source = "https://blog.example/post";
        String target = "https://other.example/";
        String key = source + " " + target;
        execute(db, "INSERT INTO parley_job (id, kind, payload, dedup_key, waiting_key_hash, state, attempts,"
                + " created_micros, run_at_micros, due_micros, updated_micros) VALUES ('before-v5', '"
                + LinkbackOutbox.SEND_KIND + "', '" + source + "\n" + target + "', '" + key + "', '"
                + JdbcJobQueue.hash(key) + "', 'PENDING', 0, 0, 0, 0, 0)");

        JdbcLinkbackOutbox outbox = JdbcLinkbackOutbox.create(db);

        assertThat(appliedVersions(db)).endsWith("4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL", "8.1 JDBC", "9 SQL");
        assertThat(outbox.plan(source, Set.of(target), false, Instant.parse("2030-01-01T00:00:00Z")))
                .containsExactly(target);
        assertThat(outbox.jobs().countUnfinished(LinkbackOutbox.SEND_KIND)).isEqualTo(1);
    }
    @Test
    @DisplayName("comments written before version 8 are found by their normalized address and cleared by retention"
            + " after it")
    void commentsBeforeVersion8GetTheirPrivacyKeys() throws SQLException {
        JdbcDataSource db = freshH2();
        Flyway.configure(MigrationsTest.class.getClassLoader()).dataSource(db)
                .locations(Dialect.H2.migrationLocation()).table(Migrations.HISTORY_TABLE).target("6").load()
                .migrate();
        String[][] rows = {
            {"a", "' Ann@Example.ORG'", "'192.0.2.1'", "NULL"},
            {"b", "'ann@example.org'", "NULL", "'Firefox'"},
            {"c", "'bob@example.org'", "NULL", "NULL"},
            {"d", "NULL", "'192.0.2.4'", "'Chrome'"}};
        for (int i = 0; i < rows.length; i++) {
            execute(db, "INSERT INTO parley_comment (id, thread, root_id, depth, kind, status, author_name,"
                    + " author_email, author_ip, author_user_agent, body_text, body_html, created_micros,"
                    + " updated_micros, version, attributes) VALUES ('" + rows[i][0] + "', 't', '" + rows[i][0]
                    + "', 0, 'COMMENT', 'APPROVED', 'Ann', " + rows[i][1] + ", " + rows[i][2] + ", " + rows[i][3]
                    + ", 'hi', '<p>hi</p>', " + i + ", " + i + ", 0, '{}')");
        }

        JdbcCommentStore store = JdbcCommentStore.create(db);

        assertThat(store.byEmail("ANN@example.org", dev.parley.storage.PageRequest.first(
                dev.parley.storage.Order.OLDEST_FIRST, 10)).items()).extracting(c -> c.id().value())
                .containsExactly("a", "b");
        assertThat(store.clearClientData(Instant.ofEpochSecond(1), 100)).isEqualTo(3);
        assertThat(store.find(CommentId.of("d"))).hasValueSatisfying(d -> {
            assertThat(d.author().ip()).isNull();
            assertThat(d.author().userAgent()).isNull();
            assertThat(d.version()).isEqualTo(1);
        });
        assertThat(store.find(CommentId.of("c"))).hasValueSatisfying(c -> assertThat(c.version()).isZero());
    }
}
