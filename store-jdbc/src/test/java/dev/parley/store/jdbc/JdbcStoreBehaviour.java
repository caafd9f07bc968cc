package dev.parley.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Cursor;
import dev.parley.storage.DuplicateCommentException;
import dev.parley.storage.DuplicateLinkbackException;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.StoreException;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.ThreadState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC store promises beyond the storage contract: its schema, its error mapping and its query
 * plans. Run on each database by a {@code @Nested} subclass of that database's contract test.
 */
abstract class JdbcStoreBehaviour {

    private static final ThreadKey THREAD = ThreadKey.of("jdbc-thread");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private JdbcCommentStore store;

    /** The database under test, schema present or not. */
    abstract DataSource dataSource();

    @BeforeEach
    void freshStore() {
        store = emptyStore(dataSource());
    }

    /**
     * Returns a store on {@code dataSource} with its schema, no comments and no quiet-key uses: the schema is
     * created once per database and emptied for each test, which is much faster than a database per test.
     */
    static JdbcCommentStore emptyStore(DataSource dataSource) {
        JdbcCommentStore store = JdbcCommentStore.create(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean sqlite = connection.getMetaData().getDatabaseProductName().equals("SQLite");
            for (String table : new String[] {"parley_comment", "parley_quiet_key", "parley_thread"}) {
                statement.execute((sqlite ? "DELETE FROM " : "TRUNCATE TABLE ") + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the comment tables", e);
        }
        return store;
    }

    @Test
    @DisplayName("the store keeps thread state: one row per thread, its version moved by each write")
    void keepsThreadState() {
        assertThat(store.supportsThreadState()).isTrue();
        store.insert(root("c1", T0));
        store.update(store.find(CommentId.of("c1")).orElseThrow().toBuilder().status(Status.SPAM).build());

        assertThat(store.state(THREAD)).isEqualTo(new ThreadState(THREAD, 2, new StatusCounts(0, 0, 1, 0)));
    }

    @Test
    @DisplayName("creating the store again on a database that has the schema keeps every comment")
    void schemaCreationIsIdempotent() {
        Comment root = root("c1", T0);
        store.insert(root);

        JdbcCommentStore again = JdbcCommentStore.create(dataSource());

        assertThat(again.find(root.id())).contains(root);
    }

    @Test
    @DisplayName("an SQL failure becomes a StoreException naming the operation, with the SQLException as cause")
    void sqlFailureBecomesStoreException() throws SQLException {
        // Moved away and back rather than dropped: the migration history would still hold it.
        execute("ALTER TABLE parley_comment RENAME TO parley_comment_away");
        try {
            assertThatThrownBy(() -> store.find(CommentId.of("c1")))
                    .isExactlyInstanceOf(StoreException.class)
                    .hasMessageContaining("could not find comment c1")
                    .hasCauseInstanceOf(SQLException.class);
            assertThatThrownBy(() -> store.roots(THREAD, Set.of(Status.APPROVED),
                    PageRequest.first(Order.OLDEST_FIRST, 5)))
                    .isExactlyInstanceOf(StoreException.class)
                    .hasMessageContaining("could not read roots of thread jdbc-thread")
                    .hasCauseInstanceOf(SQLException.class);
        } finally {
            execute("ALTER TABLE parley_comment_away RENAME TO parley_comment");
        }
    }

    @Test
    @DisplayName("a row that no longer holds a valid comment is reported as a StoreException, not misuse")
    void corruptRowBecomesStoreException() throws SQLException {
        store.insert(root("c1", T0));
        execute("UPDATE parley_comment SET status = 'GONE', attributes = '{' WHERE id = 'c1'");

        assertThatThrownBy(() -> store.find(CommentId.of("c1")))
                .isExactlyInstanceOf(StoreException.class)
                .hasMessageContaining("the row of comment c1 does not hold a valid comment")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a duplicate id is refused by the primary key and reported as DuplicateCommentException")
    void duplicateIdMapsFromPrimaryKeyViolation() {
        Comment first = linkback("c1", "https://example.org/a");
        store.insert(first);

        assertThatThrownBy(() -> store.insert(linkback("c1", "https://example.org/a")))
                .isExactlyInstanceOf(DuplicateCommentException.class)
                .cause().isInstanceOf(SQLException.class)
                .satisfies(cause -> assertThat(SqlFailures.isUniqueViolation((SQLException) cause)).isTrue());
        assertThatThrownBy(() -> store.insert(root("c1", T0.plusSeconds(1))))
                .isExactlyInstanceOf(DuplicateCommentException.class);
    }

    @Test
    @DisplayName("a second linkback from a source is refused by the unique key and reported as DuplicateLinkbackException")
    void duplicateLinkbackMapsFromUniqueKeyViolation() {
        store.insert(linkback("c1", "https://example.org/a"));

        assertThatThrownBy(() -> store.insert(linkback("c2", "https://example.org/a")))
                .isExactlyInstanceOf(DuplicateLinkbackException.class)
                .hasCauseInstanceOf(SQLException.class);
        assertThat(store.find(CommentId.of("c2"))).isEmpty();
        store.insert(linkback("c3", "https://example.org/A"));
        assertThat(store.findLinkback(THREAD, "https://example.org/A")).isPresent();
    }

    @Test
    @DisplayName("a batch that meets a stored id is rolled back and refused with DuplicateCommentException, the"
            + " database's unique-key violation as its cause")
    void insertAllIsAllOrNothing() {
        store.insert(root("c1", T0));
        List<Comment> batch = List.of(root("c2", T0), root("c3", T0), root("c1", T0));

        assertThatThrownBy(() -> store.insertAll(batch))
                .isExactlyInstanceOf(DuplicateCommentException.class)
                .hasMessageContaining("c1")
                .cause().isInstanceOf(SQLException.class)
                .satisfies(cause -> assertThat(SqlFailures.isUniqueViolation((SQLException) cause)).isTrue());

        assertThat(store.findAll(List.of(CommentId.of("c2"), CommentId.of("c3")))).isEmpty();
        store.insertAll(batch.subList(0, 2));
        assertThat(store.findAll(List.of(CommentId.of("c2"), CommentId.of("c3")))).hasSize(2);
    }

    @Test
    @DisplayName("a batch with a linkback already stored is refused with DuplicateLinkbackException naming it,"
            + " though an id of the batch is refused by no key")
    void insertAllNamesTheDuplicateLinkback() {
        store.insert(linkback("l1", "https://example.org/a"));
        List<Comment> batch = List.of(root("c1", T0), linkback("l2", "https://example.org/b"),
                linkback("l3", "https://example.org/a"));

        assertThatThrownBy(() -> store.insertAll(batch))
                .isExactlyInstanceOf(DuplicateLinkbackException.class)
                .hasMessageContaining("https://example.org/a")
                .hasCauseInstanceOf(SQLException.class);
        assertThat(store.find(CommentId.of("c1"))).isEmpty();
        assertThat(store.findLinkback(THREAD, "https://example.org/b")).isEmpty();
    }

    @Test
    @DisplayName("a batch holding text its database cannot store is refused before anything is written")
    void insertAllChecksEveryCommentFirst() throws SQLException {
        List<Comment> batch = List.of(root("c1", T0), root("c2", T0).toBuilder().text("a\uD800b").build());

        if (product().equals("H2")) {
            store.insertAll(batch);
            assertThat(store.find(CommentId.of("c2"))).contains(batch.get(1));
        } else {
            assertThatThrownBy(() -> store.insertAll(batch)).isExactlyInstanceOf(StoreException.class)
                    .hasMessageContaining("could not store comment c2");
            assertThat(store.find(CommentId.of("c1"))).isEmpty();
        }
    }

    @Test
    @DisplayName("provenance is stored as a JSON object, escaped so PostgreSQL takes U+0000 and every database an"
            + " unpaired surrogate; a comment without one has NULL")
    void provenanceColumnIsJson() throws SQLException {
        Comment imported = root("c1", T0).toBuilder()
                .provenance(Provenance.builder("wordpress", "17").parentId("0").type("")
                        .field("comment_agent", "say \"hi\"\n\u0000")
                        .metadata("b", "\uD800").metadata("a", "").metadata("b", "2").build())
                .build();
        store.insert(imported);
        store.insert(root("c2", T0));

        assertThat(queryString("SELECT provenance FROM parley_comment WHERE id = 'c1'"))
                .isEqualTo("{\"system\":\"wordpress\",\"sourceId\":\"17\",\"parentId\":\"0\",\"type\":\"\","
                        + "\"fields\":[[\"comment_agent\",\"say \\\"hi\\\"\\n\\u0000\"]],"
                        + "\"metadata\":[[\"b\",\"\\ud800\"],[\"a\",\"\"],[\"b\",\"2\"]]}");
        assertThat(queryString("SELECT COUNT(*) FROM parley_comment WHERE id = 'c2' AND provenance IS NULL"))
                .isEqualTo("1");
        assertThat(store.find(imported.id())).contains(imported);
    }

    @Test
    @DisplayName("attributes are stored as a JSON object with sorted keys, readable in SQL")
    void attributesColumnIsJson() throws SQLException {
        Comment comment = root("c1", T0).toBuilder()
                .attributes(Map.of("wp:id", "42", "b", "say \"hi\"\n\u0000")).build();
        store.insert(comment);

        assertThat(queryString("SELECT attributes FROM parley_comment WHERE id = 'c1'"))
                .isEqualTo("{\"b\":\"say \\\"hi\\\"\\n\\u0000\",\"wp:id\":\"42\"}");
        assertThat(store.find(comment.id())).contains(comment);
    }

    @Test
    @DisplayName("text PostgreSQL, MariaDB or SQLite cannot hold (U+0000 on PostgreSQL, unpaired surrogates on all)"
            + " is refused, never altered; H2 stores it exactly, MariaDB and SQLite store U+0000 exactly")
    void textOutsideUtf8IsRefused() throws SQLException {
        Comment nul = root("nul", T0).toBuilder().text("a\u0000b").build();
        List<Comment> surrogates = List.of(
                root("high", T0).toBuilder().html("a\uD800b").build(),
                root("low", T0).toBuilder().author(Author.named("\uDC00Ada")).build());
        String product = product();

        for (Comment comment : surrogates) {
            assertStoredExactlyOrRefused(comment, product.equals("H2"));
        }
        assertStoredExactlyOrRefused(nul, !product.equals("PostgreSQL"));
        Comment stored = root("fine", T0);
        store.insert(stored);
        if (!product.equals("H2")) {
            assertThatThrownBy(() -> store.update(stored.toBuilder().text("\uD800").build()))
                    .isExactlyInstanceOf(StoreException.class);
            assertThat(store.find(stored.id())).contains(stored);
        }
    }

    private void assertStoredExactlyOrRefused(Comment comment, boolean storable) throws SQLException {
        if (storable) {
            store.insert(comment);
            assertThat(store.find(comment.id())).contains(comment);
        } else {
            assertThatThrownBy(() -> store.insert(comment))
                    .isExactlyInstanceOf(StoreException.class)
                    .hasMessageContaining(switch (product()) {
                        case "PostgreSQL" -> "PostgreSQL text cannot store";
                        case "SQLite" -> "SQLite UTF-8 text cannot store";
                        default -> "MariaDB/MySQL utf8mb4 text cannot store";
                    });
            assertThat(store.find(comment.id())).isEmpty();
        }
    }

    @Test
    @DisplayName("timestamps are stored as microseconds since the epoch, exact at both ends of the range")
    void timestampsAreEpochMicros() throws SQLException {
        store.insert(root("early", Comment.EARLIEST));
        store.insert(root("late", Comment.LATEST));

        assertThat(queryString("SELECT created_micros FROM parley_comment WHERE id = 'early'"))
                .isEqualTo("-62135596800000000");
        assertThat(queryString("SELECT created_micros FROM parley_comment WHERE id = 'late'"))
                .isEqualTo("253402300799999999");
        assertThat(store.find(CommentId.of("early")).orElseThrow().createdAt()).isEqualTo(Comment.EARLIEST);
        assertThat(store.find(CommentId.of("late")).orElseThrow().createdAt()).isEqualTo(Comment.LATEST);
    }

    @Test
    @DisplayName("ids break timestamp ties in binary order: upper case before lower case, '-' before digits")
    void idsCompareInBinaryOrder() {
        List<String> ids = List.of("-x", "0", "B", "_", "a", "b");
        for (String id : List.of("b", "_", "0", "B", "a", "-x")) {
            store.insert(root(id, T0));
        }

        List<String> read = new ArrayList<>();
        store.roots(THREAD, Set.of(Status.APPROVED), PageRequest.first(Order.OLDEST_FIRST, 10))
                .items().forEach(c -> read.add(c.id().value()));

        assertThat(read).isEqualTo(ids);
    }

    @Test
    @DisplayName("a page of roots is an ordered index range, never a sort of the thread")
    void rootsPageUsesTheRootsIndex() throws SQLException {
        PageRequest next = PageRequest.first(Order.NEWEST_FIRST, 50).next(new Cursor(T0, CommentId.of("c9")));
        assertOrderedIndexScan(KeysetQueries.roots(dialect(), THREAD.value(), Set.of(Status.APPROVED), next),
                "parley_comment_roots");
    }

    @Test
    @DisplayName("the moderation queue is an ordered index range")
    void queueUsesTheQueueIndex() throws SQLException {
        PageRequest next = PageRequest.first(Order.OLDEST_FIRST, 50).next(new Cursor(T0, CommentId.of("c9")));
        assertOrderedIndexScan(KeysetQueries.queue(dialect(), Set.of(Status.PENDING), next), "parley_comment_queue");
    }

    @Test
    @DisplayName("on MariaDB, pages and replies force their index: its planner picks another on a large thread")
    void mariaDbPagesForceTheirIndex() throws SQLException {
        PageRequest page = PageRequest.first(Order.NEWEST_FIRST, 50);
        boolean mariaDb = dialect() == Dialect.MARIADB;
        assertThat(KeysetQueries.roots(dialect(), THREAD.value(), Set.of(Status.APPROVED), page).text()
                .contains("FORCE INDEX (parley_comment_roots)")).isEqualTo(mariaDb);
        assertThat(KeysetQueries.queue(dialect(), Set.of(Status.PENDING), page).text()
                .contains("FORCE INDEX (parley_comment_queue)")).isEqualTo(mariaDb);
        assertThat(dialect().fromComments("parley_comment_replies").contains("FORCE INDEX (parley_comment_replies)"))
                .isEqualTo(mariaDb);
    }

    @Test
    @DisplayName("the export scan is an ordered index range")
    void scanUsesTheScanIndex() throws SQLException {
        PageRequest next = PageRequest.first(Order.OLDEST_FIRST, 50).next(new Cursor(T0, CommentId.of("c9")));
        assertOrderedIndexScan(KeysetQueries.scan(next), "parley_comment_scan");
    }

    /**
     * Checks the plan of {@code sql} reads {@code index} in order. The question is whether the index fits the
     * query, so that a large table is read in index order without a sort; on a near-empty table the planners
     * rightly prefer other plans. So PostgreSQL is told to avoid sequential and bitmap scans first, and MariaDB
     * is told to use the index: a hint it ignores, falling back to a full scan and a filesort, when the index
     * cannot serve the query. SQLite's planner, without statistics, prefers an index that fits anyway.
     */
    private void assertOrderedIndexScan(Sql sql, String index) throws SQLException {
        String product = product();
        boolean postgres = product.equals("PostgreSQL");
        if (product.equals("MariaDB") || product.equals("MySQL")) {
            // The store forces the index of pages (see Dialect.fromComments); the export scan is forced here.
            assertMariaDbOrderedIndexScan(sql.text().contains("FORCE INDEX") ? sql : sql.replaceFirst(
                    "FROM parley_comment", "FROM parley_comment FORCE INDEX (" + index + ")"), index);
            return;
        }
        if (product.equals("SQLite")) {
            assertSqliteOrderedIndexScan(sql, index);
            return;
        }
        try (Connection connection = dataSource().getConnection()) {
            if (postgres) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET enable_seqscan = off");
                    statement.execute("SET enable_bitmapscan = off");
                }
            }
            String plan;
            try (PreparedStatement explain = sql.prepend("EXPLAIN ").prepare(connection);
                    ResultSet rows = explain.executeQuery()) {
                StringBuilder text = new StringBuilder();
                while (rows.next()) {
                    text.append(rows.getString(1)).append('\n');
                }
                plan = text.toString();
            } finally {
                if (postgres) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("RESET enable_seqscan");
                        statement.execute("RESET enable_bitmapscan");
                    }
                }
            }
            if (postgres) {
                assertThat(plan).contains("Index Scan").contains(index).doesNotContain("Sort");
            } else {
                assertThat(plan).containsIgnoringCase(index).contains("index sorted");
            }
        }
    }

    /** MariaDB's plan is a table, a row per table read: each must be a range of the index, with no filesort. */
    private void assertMariaDbOrderedIndexScan(Sql sql, String index) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement explain = sql.prepend("EXPLAIN ").prepare(connection);
                ResultSet rows = explain.executeQuery()) {
            int read = 0;
            while (rows.next()) {
                String row = "type " + rows.getString("type") + ", key " + rows.getString("key") + ", extra "
                        + rows.getString("Extra");
                assertThat(rows.getString("type")).as(row).isEqualTo("range");
                assertThat(rows.getString("key")).as(row).isEqualTo(index);
                assertThat(String.valueOf(rows.getString("Extra"))).as(row).doesNotContain("filesort");
                read++;
            }
            assertThat(read).as("rows of the plan").isPositive();
        }
    }

    /**
     * SQLite's plan is a row per step: the table must be searched through the index, and no step may be a
     * temporary B-tree, which is how SQLite sorts.
     */
    private void assertSqliteOrderedIndexScan(Sql sql, String index) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource().getConnection();
                PreparedStatement explain = sql.prepend("EXPLAIN QUERY PLAN ").prepare(connection);
                ResultSet rows = explain.executeQuery()) {
            while (rows.next()) {
                plan.append(rows.getString("detail")).append('\n');
            }
        }
        assertThat(plan.toString()).contains("SEARCH parley_comment USING INDEX " + index + " (")
                .doesNotContain("TEMP B-TREE");
    }

    private Dialect dialect() throws SQLException {
        try (Connection connection = dataSource().getConnection()) {
            return Dialect.of(connection.getMetaData());
        }
    }

    private String product() throws SQLException {
        try (Connection connection = dataSource().getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String queryString(String sql) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).as("a row for " + sql).isTrue();
            return rows.getString(1);
        }
    }

    private static Comment root(String id, Instant at) {
        return Comment.builder().id(CommentId.of(id)).thread(THREAD).asRoot().author(Author.named("Ada"))
                .text("hello").html("<p>hello</p>").createdAt(at).build();
    }

    private static Comment linkback(String id, String source) {
        return root(id, T0).toBuilder().kind(Kind.PINGBACK).linkback(new Linkback(source, "A post")).build();
    }
}
