package dev.parley.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plans of every query a thread page runs, on a database seeded like a real site (a thread with a root of
 * 2,000 replies, thousands of small threads) and analyzed: each must read the index meant for it, in its order,
 * with no sort step. The planners decide with statistics, so no plan is forced here beyond the index hints the
 * store itself gives MariaDB.
 *
 * <p>A subclass per database gives its {@link #dataSource()}; the data is written once per class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ThreadPagePlans {

    static final String BIG = "big";
    static final int BIG_ROOTS = 60;
    static final int BIG_REPLIES = 2_000;
    static final int SMALL_THREADS = 4_000;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** The database under test, holding the store's schema. */
    abstract DataSource dataSource();

    private Dialect dialect;

    @BeforeAll
    final void seed() throws SQLException {
        CommentStore store = JdbcStoreBehaviour.emptyStore(dataSource());
        List<Comment> all = new ArrayList<>();
        for (int r = 0; r < BIG_ROOTS; r++) {
            Comment root = comment("big-" + r, BIG, null, T0.plusSeconds(r));
            all.add(root);
            int replies = r == 0 ? BIG_REPLIES : 5;
            for (int i = 0; i < replies; i++) {
                all.add(comment("big-" + r + "-" + i, BIG, root, T0.plusSeconds(100 + i))
                        .toBuilder().status(i % 10 == 0 ? Status.PENDING : Status.APPROVED).build());
            }
        }
        for (int t = 0; t < SMALL_THREADS; t++) {
            // Written over the same two thousand seconds as the big thread's replies, as on a busy site: the
            // planners then estimate a range of creation times from how the whole table spreads over them.
            Comment root = comment("t" + t, "t-" + t, null, T0.plusSeconds(t % BIG_REPLIES));
            all.add(root);
            for (int i = 0; i < 5; i++) {
                all.add(comment("t" + t + "-" + i, "t-" + t, root, T0.plusSeconds(t % BIG_REPLIES + 1 + i)));
            }
        }
        for (int from = 0; from < all.size(); from += CommentStore.MAX_BATCH) {
            store.insertAll(all.subList(from, Math.min(all.size(), from + CommentStore.MAX_BATCH)));
        }
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            dialect = Dialect.of(connection.getMetaData());
            statement.execute(switch (dialect) {
                case MARIADB -> "ANALYZE TABLE parley_comment, parley_thread";
                // VACUUM sets PostgreSQL's visibility map, without which it would not count on index-only scans.
                case POSTGRESQL -> "VACUUM ANALYZE";
                case H2, SQLITE -> "ANALYZE";
            });
        }
    }

    private static Comment comment(String id, String thread, Comment parent, Instant at) {
        Comment.Builder builder = Comment.builder().id(CommentId.of(id)).thread(ThreadKey.of(thread))
                .author(Author.named("Ada")).text("hello").html("<p>hello</p>").createdAt(at);
        return (parent == null ? builder.asRoot() : builder.replyTo(parent)).build();
    }

    private static List<String> bigRoots(int count) {
        List<String> roots = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            roots.add("big-" + r);
        }
        return roots;
    }

    @Test
    @DisplayName("a page of roots, the first or one after a cursor, reads the roots index in order")
    void rootsPage() throws SQLException {
        assertIndexRead(KeysetQueries.roots(dialect, BIG, Set.of(Status.APPROVED),
                PageRequest.first(Order.OLDEST_FIRST, 20)), "parley_comment_roots", 1);
        assertIndexRead(KeysetQueries.roots(dialect, BIG, Set.of(Status.APPROVED),
                PageRequest.first(Order.OLDEST_FIRST, 20).next(new Cursor(T0.plusSeconds(20), CommentId.of("big-20")))),
                "parley_comment_roots", 1);
    }

    @Test
    @DisplayName("the first replies of a page of roots are one statement of ordered, limited ranges of the replies"
            + " index, one per root")
    void firstReplies() throws SQLException {
        assertIndexRead(ReplyQueries.firstReplies(dialect, bigRoots(20), Set.of(Status.APPROVED), 3),
                "parley_comment_replies", 20);
    }

    @Test
    @DisplayName("a page of a root's replies, after a cursor, in either order, is one ordered range of the replies"
            + " index")
    void replyPage() throws SQLException {
        Cursor cursor = new Cursor(T0.plusSeconds(600), CommentId.of("big-0-500"));
        for (Order order : Order.values()) {
            assertIndexRead(ReplyQueries.replyPage(dialect, "big-0", Set.of(Status.APPROVED),
                    PageRequest.first(order, 50).next(cursor)), "parley_comment_replies", 1);
        }
    }

    @Test
    @DisplayName("the reply counts of a page of roots read the replies index alone, grouped without a sort")
    void replyCounts() throws SQLException {
        assertIndexRead(ReplyQueries.replyCounts(dialect, bigRoots(20)), "parley_comment_replies", 1);
    }

    @Test
    @DisplayName("the state and counts of one thread, and of an index page of threads, read the thread row's key")
    void threadStates() throws SQLException {
        assertIndexRead(ThreadRows.statesQuery(List.of(BIG)), primaryKey("parley_thread"), 1);
        List<String> threads = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            threads.add("t-" + t * 97);
        }
        assertIndexRead(ThreadRows.statesQuery(threads), primaryKey("parley_thread"), 1);
    }

    /** What a primary key is called in plans. */
    private String primaryKey(String table) {
        return switch (dialect) {
            case POSTGRESQL -> table + "_pk";
            case MARIADB -> "PRIMARY";
            case SQLITE -> "PRIMARY KEY";
            case H2 -> "PRIMARY_KEY";
        };
    }

    /**
     * Checks that every table read of the plan of {@code sql} goes through {@code index} and nothing sorts.
     *
     * @param reads how many reads of the table the plan holds (one per branch of a UNION ALL)
     */
    private void assertIndexRead(Sql sql, String index, int reads) throws SQLException {
        List<String> plan = plan(sql);
        String text = String.join("\n", plan);
        switch (dialect) {
            case POSTGRESQL -> {
                // A bitmap scan of the index reads its entries, then the rows in their physical order: for a
                // few rows scattered over the table (the states of an index page) the planner's right choice.
                long scans = plan.stream().filter(line -> line.matches(".*(Index (Only )?Scan( Backward)? using"
                        + "|Bitmap Index Scan on) " + index + "( on .*|  .*)")).count();
                assertThat(scans).as(text).isEqualTo(reads);
                assertThat(text).as(text).doesNotContain("Sort").doesNotContain("Seq Scan");
            }
            case H2 -> {
                long scans = plan.stream().filter(line -> line.toUpperCase(java.util.Locale.ROOT)
                        .contains("." + index.toUpperCase(java.util.Locale.ROOT))).count();
                assertThat(scans).as(text).isEqualTo(reads);
                assertThat(text).as(text).doesNotContainIgnoringCase("tableScan");
                if (sql.text().contains("ORDER BY")) {
                    long sorted = plan.stream().filter(line -> line.contains("index sorted")).count();
                    assertThat(sorted).as(text).isEqualTo(reads);
                }
            }
            case SQLITE -> {
                long scans = plan.stream().filter(line -> line.matches("SEARCH parley_\\w+ USING (COVERING )?"
                        + (index.equals("PRIMARY KEY") ? "PRIMARY KEY" : "INDEX " + index) + " \\(.*")).count();
                assertThat(scans).as(text).isEqualTo(reads);
                assertThat(text).as(text).doesNotContain("TEMP B-TREE").doesNotContain("SCAN parley_");
            }
            case MARIADB -> {
                assertThat(plan).as(text).hasSize(reads);
                for (String row : plan) {
                    assertThat(row).as(text).contains("key " + index + ",").doesNotContain("filesort")
                            .doesNotContain("type ALL").doesNotContain("type index,");
                }
            }
        }
    }

    /** The plan's lines; on MariaDB one line per table read, on the others the database's own text. */
    private List<String> plan(Sql sql) throws SQLException {
        List<String> plan = new ArrayList<>();
        String explain = dialect == Dialect.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = sql.prepend(explain).prepare(connection);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                switch (dialect) {
                    case SQLITE -> plan.add(rows.getString("detail"));
                    case MARIADB -> {
                        if (rows.getString("table") != null && !rows.getString("table").startsWith("<")) {
                            plan.add("table " + rows.getString("table") + ", type " + rows.getString("type") + ", key "
                                    + rows.getString("key") + ", extra " + rows.getString("Extra"));
                        }
                    }
                    default -> plan.addAll(List.of(rows.getString(1).split("\n")));
                }
            }
        }
        // Kept for the record of what each database chose.
        System.out.println("PLAN " + dialect + " " + sql.text().substring(Math.max(0, sql.text().length() - 90)) + "\n"
                + String.join("\n", plan));
        return plan;
    }
}
