package dev.parley.store.jdbc;

import dev.parley.storage.CommentSearch;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the keyset page reads (roots, queue, scan) so that each is a bounded range scan of one index.
 *
 * <p>A page over several statuses is a {@code UNION ALL} of one branch per status, each reading at most
 * {@code limit} rows in index order, merged by the outer {@code ORDER BY}: one {@code status IN (...)} range
 * would have to sort every matching row of the thread first. Each branch orders by the full index key,
 * equality columns included, because H2 uses an index for ordering only when the {@code ORDER BY} matches it
 * from its first column. MariaDB needs the opposite: it sorts the whole range when the {@code ORDER BY} names
 * an equality column whose value came in the connection's collation (the driver's {@code utf8mb4_general_ci},
 * not the column's binary one), so there each branch orders by (created, id) only, which the index delivers
 * after its equality prefix. The cursor condition {@code created >= ? AND (created > ? OR id > ?)} puts a plain
 * range on the indexed timestamp, which the planners turn into an index seek, and filters the few ties. SQLite
 * takes the H2 form, its branches wrapped as subqueries.
 * Stateless and thread-safe.
 */
final class KeysetQueries {

    private KeysetQueries() {
    }

    static Sql roots(Dialect dialect, String thread, Set<Status> statuses, PageRequest request) {
        return page(dialect, statuses, request, "parley_comment_roots", "thread = ? AND status = ? AND depth = 0",
                equalityOrder(dialect, "thread%s, status%s, depth%s, "), thread);
    }

    static Sql queue(Dialect dialect, Set<Status> statuses, PageRequest request) {
        return page(dialect, statuses, request, "parley_comment_queue", "status = ?",
                equalityOrder(dialect, "status%s, "));
    }

    /**
     * A moderator's filtered list: the statuses, and the thread, author name and text when given. The thread and
     * status use their indexes where the planner sees fit; the name and text are compared folded to lower case
     * (the text with {@code LIKE}, its wildcards escaped), which no index serves, so a rare match may read every
     * comment of the statuses, bounded by the limit once enough match.
     */
    static Sql search(CommentSearch search, PageRequest request) {
        List<Object> statuses = new ArrayList<>();
        for (Status status : Status.values()) {
            if (search.statuses().contains(status)) {
                statuses.add(status.name());
            }
        }
        Sql sql = new Sql().append("SELECT " + CommentRows.COLUMNS + " FROM parley_comment WHERE status IN ("
                + String.join(", ", java.util.Collections.nCopies(statuses.size(), "?")) + ")", statuses.toArray());
        if (search.thread() != null) {
            sql.append(" AND thread = ?", search.thread().value());
        }
        if (search.authorName() != null) {
            sql.append(" AND LOWER(author_name) = ?", search.authorName().toLowerCase(Locale.ROOT));
        }
        if (search.text() != null) {
            sql.append(" AND LOWER(body_text) LIKE ? ESCAPE '!'", "%" + likeEscaped(search.text()) + "%");
        }
        Cursor after = request.after();
        if (after != null) {
            sql.append(" AND ");
            cursor(sql, request.order(), after);
        }
        String direction = direction(request.order());
        return sql.append(" ORDER BY created_micros" + direction + ", id" + direction + " LIMIT ?", request.limit());
    }

    /** The text folded to lower case with {@code LIKE}'s wildcards and the escape character ({@code !}) escaped. */
    private static String likeEscaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '!' || c == '%' || c == '_') {
                out.append('!');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * The comments of one address: the hash equality, then the cursor on the (created, id) part of the index.
     * Every column of the {@code ORDER BY} follows the index on H2, which orders by it only when it matches from
     * its first column; MariaDB takes (created, id) alone, for the reason {@link #page} gives.
     */
    static Sql byEmail(Dialect dialect, String emailHash, PageRequest request) {
        String direction = direction(request.order());
        Sql sql = new Sql().append("SELECT " + CommentRows.COLUMNS + dialect.fromComments("parley_comment_email")
                + " WHERE email_hash = ?", emailHash);
        Cursor after = request.after();
        if (after != null) {
            sql.append(" AND ");
            cursor(sql, request.order(), after);
        }
        return sql.append(" ORDER BY " + equalityOrder(dialect, "email_hash%s, ").replace("%s", direction)
                + "created_micros" + direction + ", id" + direction + " LIMIT ?", request.limit());
    }

    static Sql scan(PageRequest request) {
        Sql sql = new Sql().append("SELECT " + CommentRows.COLUMNS + " FROM parley_comment");
        Cursor after = request.after();
        if (after != null) {
            sql.append(" WHERE ");
            cursor(sql, request.order(), after);
        }
        String direction = direction(request.order());
        return sql.append(" ORDER BY created_micros" + direction + ", id" + direction + " LIMIT ?", request.limit());
    }

    /**
     * One branch per status in {@code Status} order (so the text, and the prepared statement cache entry, is
     * stable), merged when there are several.
     *
     * @param index the index each branch reads (forced where the planner would pick another)
     * @param equality the branch's equality conditions; the status is the last parameter before the cursor
     * @param orderPrefix the equality columns in index order, each followed by a {@code %s} for the direction
     * @param leading parameters bound before the status
     */
    private static Sql page(Dialect dialect, Set<Status> statuses, PageRequest request, String index,
            String equality, String orderPrefix, String... leading) {
        String direction = direction(request.order());
        List<Status> ordered = new ArrayList<>();
        for (Status status : Status.values()) {
            if (statuses.contains(status)) {
                ordered.add(status);
            }
        }
        Sql sql = new Sql();
        boolean merged = ordered.size() > 1;
        // SQLite allows neither parentheses around the branches of a compound SELECT nor ORDER BY and LIMIT in
        // them: there each branch is a subquery.
        String open = dialect == Dialect.SQLITE ? "SELECT * FROM (" : "(";
        for (Status status : ordered) {
            if (sql.text().length() > 0) {
                sql.append(" UNION ALL ");
            }
            if (merged) {
                sql.append(open);
            }
            sql.append("SELECT " + CommentRows.COLUMNS + dialect.fromComments(index) + " WHERE ");
            sql.append(equality, concat(leading, status.name()));
            Cursor after = request.after();
            if (after != null) {
                sql.append(" AND ");
                cursor(sql, request.order(), after);
            }
            sql.append(" ORDER BY " + orderPrefix.replace("%s", direction)
                    + "created_micros" + direction + ", id" + direction + " LIMIT ?", request.limit());
            if (merged) {
                sql.append(")");
            }
        }
        if (merged) {
            sql.append(" ORDER BY created_micros" + direction + ", id" + direction + " LIMIT ?", request.limit());
        }
        return sql;
    }

    private static String equalityOrder(Dialect dialect, String orderPrefix) {
        return dialect == Dialect.MARIADB ? "" : orderPrefix;
    }

    private static void cursor(Sql sql, Order order, Cursor after) {
        long micros = Schema.micros(after.createdAt());
        String id = after.id().value();
        if (order == Order.OLDEST_FIRST) {
            sql.append("created_micros >= ? AND (created_micros > ? OR id > ?)", micros, micros, id);
        } else {
            sql.append("created_micros <= ? AND (created_micros < ? OR id < ?)", micros, micros, id);
        }
    }

    private static String direction(Order order) {
        return order == Order.OLDEST_FIRST ? "" : " DESC";
    }

    private static Object[] concat(String[] leading, String last) {
        Object[] all = new Object[leading.length + 1];
        System.arraycopy(leading, 0, all, 0, leading.length);
        all[leading.length] = last;
        return all;
    }
}
