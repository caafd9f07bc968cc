package dev.parley.store.jdbc;

import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Builds the reads of a page's replies ({@link JdbcCommentStore#replyPage}, {@link JdbcCommentStore#firstReplies}
 * and {@link JdbcCommentStore#replyCounts}) so that each is a bounded read of one index, sorted by it.
 *
 * <p>A reply page is one range of {@code parley_comment_replies} (root id, created, id, status, depth), the
 * statuses filtered in it: the index delivers the order, and the {@code LIMIT} stops the read at the page's end.
 * The first replies of several roots are one such range per root, each {@code LIMIT}ed, joined with
 * {@code UNION ALL} into one statement. As in {@link KeysetQueries}, H2 orders by the index's full key, root
 * id included, and MariaDB by (created, id) only, its index forced (SQLite's too, see fromReplies). The
 * index ends with status and depth, so reply counts read it alone.
 * Stateless and thread-safe.
 */
final class ReplyQueries {

    /**
     * The most roots one {@link #firstReplies} statement reads: SQLite allows at most 500 terms in a compound
     * {@code SELECT} (its default {@code SQLITE_MAX_COMPOUND_SELECT}); the others take a whole page of roots.
     */
    static int rootsPerStatement(Dialect dialect) {
        return dialect == Dialect.SQLITE ? 500 : PageRequest.MAX_LIMIT;
    }

    private ReplyQueries() {
    }

    static Sql replyPage(Dialect dialect, String rootId, Set<Status> statuses, PageRequest request) {
        Sql sql = new Sql();
        branch(sql, dialect, rootId, statuses, request);
        return sql;
    }

    /** The first {@code limit} replies of each root, oldest first, in one statement; roots distinct. */
    static Sql firstReplies(Dialect dialect, List<String> rootIds, Set<Status> statuses, int limit) {
        PageRequest first = PageRequest.first(Order.OLDEST_FIRST, limit);
        Sql sql = new Sql();
        boolean merged = rootIds.size() > 1;
        // SQLite allows neither parentheses around the terms of a compound SELECT nor ORDER BY and LIMIT in
        // them: there each term is a subquery.
        String open = dialect == Dialect.SQLITE ? "SELECT * FROM (" : "(";
        for (String rootId : rootIds) {
            if (sql.text().length() > 0) {
                sql.append(" UNION ALL ");
            }
            if (merged) {
                sql.append(open);
            }
            branch(sql, dialect, rootId, statuses, first);
            if (merged) {
                sql.append(")");
            }
        }
        return sql;
    }

    /**
     * Counts the replies of the roots by status: one row per root with replies, its root id and the counts in
     * {@link Status} order. Grouped by root id alone, which is the index's order, so no database sorts (SQLite
     * would sort for a (root id, status) grouping); roots distinct, at least one.
     */
    static Sql replyCounts(Dialect dialect, List<String> rootIds) {
        StringBuilder select = new StringBuilder("SELECT root_id");
        for (Status status : Status.values()) {
            select.append(", SUM(CASE WHEN status = '").append(status.name()).append("' THEN 1 ELSE 0 END)");
        }
        return new Sql().append(select + fromReplies(dialect) + " WHERE root_id IN ("
                + placeholders(rootIds.size()) + ") AND depth > 0 GROUP BY root_id", rootIds.toArray());
    }

    private static void branch(Sql sql, Dialect dialect, String rootId, Set<Status> statuses, PageRequest request) {
        List<Object> names = new ArrayList<>();
        for (Status status : Status.values()) {
            if (statuses.contains(status)) {
                names.add(status.name());
            }
        }
        sql.append("SELECT " + CommentRows.COLUMNS + fromReplies(dialect) + " WHERE root_id = ? AND depth > 0", rootId);
        sql.append(" AND status IN (" + placeholders(names.size()) + ")", names.toArray());
        String direction = request.order() == Order.OLDEST_FIRST ? "" : " DESC";
        Cursor after = request.after();
        if (after != null) {
            long micros = Schema.micros(after.createdAt());
            String id = after.id().value();
            String past = request.order() == Order.OLDEST_FIRST ? ">" : "<";
            sql.append(" AND created_micros " + past + "= ? AND (created_micros " + past + " ? OR id " + past + " ?)",
                    micros, micros, id);
        }
        String rootOrder = dialect == Dialect.MARIADB ? "" : "root_id" + direction + ", ";
        sql.append(" ORDER BY " + rootOrder + "created_micros" + direction + ", id" + direction + " LIMIT ?",
                request.limit());
    }

    /**
     * Reads the comment table through the replies index. MariaDB's index is forced as for every page (see
     * {@link Dialect#fromComments}); so is SQLite's: given the statistics of {@code ANALYZE}, its planner reads a
     * page after a cursor of one status through the queue index (status, created), every comment of that status
     * after the cursor in the whole store, rather than the root's range.
     */
    private static String fromReplies(Dialect dialect) {
        return dialect == Dialect.SQLITE ? " FROM parley_comment INDEXED BY parley_comment_replies"
                : dialect.fromComments("parley_comment_replies");
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
