package dev.parley.store.jdbc;

import dev.parley.storage.Comment;
import dev.parley.storage.DuplicateCommentException;
import dev.parley.storage.DuplicateLinkbackException;
import dev.parley.storage.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * {@link JdbcCommentStore#insertAll(List)}: a batch of comments in one transaction, sent as one JDBC batch,
 * committed whole or rolled back whole.
 *
 * <p>Like {@link JdbcCommentStore#insert(Comment)}, it writes the comment rows and moves their threads' rows
 * (one version step per thread for the whole batch, taken first and in thread key order, see {@link ThreadRows}),
 * and nothing else: no fingerprint and no quiet-key use, which only a conditional insert records. The
 * database's unique keys refuse a duplicate id or linkback, racing writers included. A repetition within the batch is found before anything is
 * written, since the batch's own rows would otherwise collide with each other.
 *
 * <p>The rows go in in id order, so that two batches sharing ids take their locks in the same order and wait for
 * each other rather than deadlock. When the batch meets a unique key, it is rolled back and the stored rows are
 * read to name the refusal: the first comment of the batch, in the caller's order, whose id or linkback is
 * stored, as inserting them one by one would report. If none is stored any more (the row met was a racer's that
 * then rolled back), or the database chose the batch as a deadlock or serialization victim, or SQLite stayed
 * busy, the whole batch is tried again, a bounded number of times.
 */
final class BatchInsert {

    private static final int ATTEMPTS = 16;

    private static final Comparator<Comment> BY_ID = Comparator.comparing(Comment::id);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final ThreadRows threads;

    BatchInsert(DataSource dataSource, Dialect dialect, ThreadRows threads) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.threads = threads;
    }

    /**
     * Stores every comment or none.
     *
     * @param comments the batch, not empty, at most {@link dev.parley.storage.CommentStore#MAX_BATCH}, each
     *     storable on this database
     * @throws DuplicateCommentException if an id is stored or repeats in the batch
     * @throws DuplicateLinkbackException if a linkback's (thread, source URL) is stored or repeats in the batch
     * @throws StoreException if racing writes kept the batch from settling
     * @throws SQLException if the database fails otherwise
     */
    void insertAll(List<Comment> comments) throws SQLException {
        if (repeatsWithin(comments)) {
            throw Objects.requireNonNull(refusal(comments, null), "a repetition within the batch refuses it");
        }
        List<Comment> inIdOrder = new ArrayList<>(comments);
        inIdOrder.sort(BY_ID);
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                ConditionalInsert.backOff(attempt);
            }
            try {
                write(inIdOrder);
                return;
            } catch (SQLException e) {
                if (SqlFailures.isUniqueViolation(e)) {
                    StoreException refusal = refusal(comments, e);
                    if (refusal != null) {
                        throw refusal;
                    }
                } else if (!SqlFailures.isTransient(e)) {
                    throw e;
                }
                last = e;
            }
        }
        throw new StoreException("could not insert " + comments.size() + " comments: racing writes kept the batch"
                + " from settling after " + ATTEMPTS + " attempts", last);
    }

    private void write(List<Comment> comments) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(CommentRows.INSERT)) {
                threads.bump(connection, changes(comments));
                for (Comment comment : comments) {
                    CommentRows.bindInsert(insert, comment);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** What the batch adds to each of its threads' counts. */
    private static Map<String, long[]> changes(List<Comment> comments) {
        Map<String, long[]> changes = new HashMap<>();
        for (Comment comment : comments) {
            changes.computeIfAbsent(comment.thread().value(), t -> ThreadRows.none())[comment.status().ordinal()]++;
        }
        return changes;
    }

    private static boolean repeatsWithin(List<Comment> comments) {
        Set<String> ids = new HashSet<>();
        Set<List<String>> linkbacks = new HashSet<>();
        for (Comment comment : comments) {
            if (!ids.add(comment.id().value())) {
                return true;
            }
            List<String> linkback = linkbackKey(comment);
            if (linkback != null && !linkbacks.add(linkback)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The refusal the first refused comment of the batch gets, in the caller's order, when stored rows and the
     * comments before it in the batch count as taken; null when nothing refuses the batch now.
     */
    private @Nullable StoreException refusal(List<Comment> comments, @Nullable SQLException cause)
            throws SQLException {
        Set<String> takenIds = storedIds(comments);
        Set<List<String>> takenLinkbacks = storedLinkbacks(comments);
        for (Comment comment : comments) {
            StoreException refusal = null;
            List<String> linkback = linkbackKey(comment);
            if (!takenIds.add(comment.id().value())) {
                refusal = new DuplicateCommentException(comment.id());
            } else if (linkback != null && !takenLinkbacks.add(linkback)) {
                refusal = new DuplicateLinkbackException(comment.thread(), comment.linkback().sourceUrl());
            }
            if (refusal != null) {
                if (cause != null) {
                    refusal.initCause(cause);
                }
                return refusal;
            }
        }
        return null;
    }

    private Set<String> storedIds(List<Comment> comments) throws SQLException {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(comments.stream().map(c -> c.id().value()).toList()));
        Set<String> stored = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement find = connection.prepareStatement(
                        "SELECT id FROM parley_comment WHERE " + dialect.inList("id", ids.size()))) {
            dialect.bindList(find, 1, ids);
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        }
        return stored;
    }

    /** The (thread, source URL) keys of the batch's linkbacks that are stored. */
    private Set<List<String>> storedLinkbacks(List<Comment> comments) throws SQLException {
        Set<String> hashes = new LinkedHashSet<>();
        for (Comment comment : comments) {
            if (comment.linkback() != null) {
                hashes.add(CommentRows.sourceHash(comment.linkback().sourceUrl()));
            }
        }
        Set<List<String>> stored = new HashSet<>();
        if (hashes.isEmpty()) {
            return stored;
        }
        List<String> values = new ArrayList<>(hashes);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement find = connection.prepareStatement("SELECT thread, linkback_source"
                        + " FROM parley_comment WHERE " + dialect.inList("linkback_source_hash", values.size()))) {
            dialect.bindList(find, 1, values);
            try (ResultSet rows = find.executeQuery()) {
                while (rows.next()) {
                    stored.add(List.of(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return stored;
    }

    /** A linkback's unique key, (thread, source URL), or null for a comment. */
    private static @Nullable List<String> linkbackKey(Comment comment) {
        return comment.linkback() == null ? null : List.of(comment.thread().value(), comment.linkback().sourceUrl());
    }
}
