package dev.parley.store.jdbc;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentSearch;
import dev.parley.storage.CommentNotFoundException;
import dev.parley.storage.CommentStore;
import dev.parley.storage.DuplicateCommentException;
import dev.parley.storage.DuplicateLinkbackException;
import dev.parley.storage.InsertConditions;
import dev.parley.storage.InsertResult;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.StoreException;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.VersionConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CommentStore} on plain JDBC, for SQLite 3.39 or later (in WAL mode), H2 2.x, PostgreSQL, and MariaDB
 * or MySQL 8 with InnoDB (its tests run on SQLite, H2, PostgreSQL and MariaDB): one table,
 * {@code parley_comment}, with its indexes, created and kept up to date by {@link #create(DataSource)}.
 *
 * <pre>{@code
 * // Embedded SQLite in a file next to the application (WAL mode and a busy timeout are required):
 * HikariConfig sqlite = new HikariConfig();
 * sqlite.setJdbcUrl("jdbc:sqlite:./parley.db?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000");
 * DataSource embedded = new HikariDataSource(sqlite);
 * // Embedded H2 in a file next to the application:
 * DataSource h2 = JdbcConnectionPool.create("jdbc:h2:./parley;LOCK_TIMEOUT=10000;WRITE_DELAY=0", "sa", "");
 * // PostgreSQL, MariaDB or MySQL: any pooling DataSource (HikariCP, the container's, ...):
 * HikariConfig config = new HikariConfig();
 * config.setJdbcUrl("jdbc:postgresql://localhost:5432/blog"); // or "jdbc:mariadb://localhost:3306/blog"
 * config.setUsername("blog");
 * config.setPassword(secret);
 * DataSource server = new HikariDataSource(config);
 *
 * CommentStore store = JdbcCommentStore.create(embedded); // or h2, or server
 * }</pre>
 *
 * <p><b>Schema.</b> A column per {@link Comment} component; timestamps as microseconds since the epoch in
 * {@code BIGINT} (exact on every database over the whole {@link Comment#EARLIEST}..{@link Comment#LATEST}
 * range); attributes as a JSON object of strings, and an imported comment's provenance as a JSON object in a
 * nullable text column, both escaped so that any value round-trips. Ids and thread keys
 * compare in binary order ({@code COLLATE "C"} on PostgreSQL, whatever the database's locale; a binary NO PAD
 * utf8mb4 collation on MariaDB and MySQL, whatever the database's default; SQLite's default BINARY collation
 * compares UTF-8 bytes; H2 compares strings by code unit). Indexes: the roots of a thread by (thread, status,
 * created, id), holding roots only (a partial index on PostgreSQL, depth 0 as a key column on H2, MariaDB, MySQL
 * and SQLite); replies by (root id, created, id); the
 * moderation queue by (status, created, id); the export scan by (created, id); the comments of an e-mail
 * address by (SHA-256 of the normalized address, created, id), for the privacy tools; the comments that still
 * carry an IP address or a User-Agent by (created, id), for retention; and a unique key on (thread,
 * SHA-256 of the linkback source) that makes concurrent duplicate linkbacks fail atomically in the database.
 *
 * <p><b>Cost.</b> A page of roots is at most one bounded index range per requested status, and the replies of
 * a page one index lookup per root: neither reads rows outside the page, so a page costs about the same in a
 * thread of 100 comments or of 100,000. Counts read the thread's index entries: their cost grows with the
 * thread.
 *
 * <p><b>Thread-safety.</b> Safe for any number of threads: the store holds no mutable state and takes a
 * connection from the {@code DataSource} for each call, returning it before the call ends. Every other SPI
 * method is a single SQL statement (an update that matches nothing reads the row once more to say why), so each
 * is atomic and reads one consistent snapshot without an explicit transaction; the conditional insert
 * ({@link #insert(Comment, InsertConditions)}) and {@link #insertAll(List)} each run in one transaction. Give it a
 * pooling {@code DataSource} whose connections have auto-commit on (the JDBC default).
 * SQLite lets one connection write at a time: writes wait for each other, up to the connections' busy
 * timeout, while reads go on beside them (WAL mode).
 *
 * <p><b>SQLite.</b> Open it with {@code journal_mode=WAL} (required, checked by {@link #create(DataSource)}),
 * a {@code busy_timeout} (required; 10,000 ms is a good value) and {@code synchronous=NORMAL}, which keeps
 * every commit through a crash of the process ({@code kill -9}); {@code synchronous=FULL} keeps them through a
 * power loss too, at the cost of a flush per commit. Deferred transactions (the driver's default) suffice:
 * every transaction of the store writes first, so it holds the write lock before it reads.
 *
 * <p><b>Durability.</b> A write method returns once its change would survive the JVM being killed. On
 * PostgreSQL, MariaDB (InnoDB) and SQLite (WAL) that is its commit. H2's MVStore by default writes committed changes to its file in the
 * background, up to {@code WRITE_DELAY} (500 ms) later, so a JVM killed in between loses acknowledged writes;
 * {@link #create(DataSource)} therefore sets {@code WRITE_DELAY} to 0 on H2 ({@code SET WRITE_DELAY 0}, kept in
 * the database), with which H2 stores every transaction to the file as it ends. Setting it needs an
 * administrator (the user who created the database is one); with another user, put {@code ;WRITE_DELAY=0} in
 * the URL, or {@code create} fails rather than run without durable commits. H2 leaves the
 * write to the operating system, without forcing it to the disk: it survives the process, not a power cut.
 *
 * <p><b>Failures.</b> Every {@link SQLException} becomes a {@link StoreException} naming the operation, with
 * the {@code SQLException} as its cause; a unique-key violation on insert (SQLState 23505, or 23000 with
 * error 1062 on MariaDB and MySQL, or error 19 {@code SQLITE_CONSTRAINT_UNIQUE} on SQLite) becomes
 * {@link DuplicateCommentException} or {@link DuplicateLinkbackException}. PostgreSQL stores text as UTF-8,
 * which cannot hold U+0000 or an unpaired surrogate; MariaDB and MySQL store utf8mb4, and SQLite UTF-8, which
 * hold U+0000 but no unpaired surrogate. A comment holding one that its database cannot store in a text
 * component is refused with a {@link StoreException} naming the component, never stored altered. Attributes and
 * provenance hold any character on every database: their JSON escapes what the database cannot store.
 */
public final class JdbcCommentStore implements CommentStore {

    /** The table in which the applied schema migrations are recorded. */
    public static final String SCHEMA_HISTORY_TABLE = Migrations.HISTORY_TABLE;

    private static final String SELECT = "SELECT " + CommentRows.COLUMNS + " FROM parley_comment";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final ConditionalInsert conditionalInsert;
    private final BatchInsert batchInsert;
    private final ClientDataRetention clientDataRetention;
    private final String updateSql;

    private JdbcCommentStore(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.conditionalInsert = new ConditionalInsert(dataSource, dialect);
        this.batchInsert = new BatchInsert(dataSource, dialect);
        this.clientDataRetention = new ClientDataRetention(dataSource, dialect);
        this.updateSql = dialect.spell(CommentRows.UPDATE);
    }

    /**
     * Returns a store on {@code dataSource}, first bringing its schema up to date with the store's versioned
     * migrations.
     *
     * <p>Migrations run through Flyway, which records each applied version in the table
     * {@value #SCHEMA_HISTORY_TABLE} and takes a database lock while it migrates, so several application
     * instances starting together on one database apply each migration exactly once. Calling it again on an
     * up-to-date database changes nothing and keeps every comment. A database whose comment table was created
     * before migrations existed (by this store's earlier "create if absent" code) is taken as version 1 and
     * migrated from there. The database is detected from the connection's metadata. On H2 it also sets
     * {@code WRITE_DELAY} to 0 (see Durability above).
     *
     * @param dataSource where to take connections from, one per call; auto-commit on
     * @return the store
     * @throws StoreException if the database is not one this store supports, is a SQLite database not in WAL
     *     mode or whose connections have no busy timeout (the message says which URL parameters fix it), or
     *     the schema cannot be migrated
     */
    public static JdbcCommentStore create(DataSource dataSource) {
        return new JdbcCommentStore(dataSource, Schema.prepare(dataSource));
    }

    @Override
    public void insert(Comment comment) {
        Objects.requireNonNull(comment, "comment must not be null");
        dialect.requireStorable(comment);
        run("insert comment " + comment.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(CommentRows.INSERT)) {
                CommentRows.bindInsert(insert, comment);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (SqlFailures.isUniqueViolation(e)) {
                    throw SqlFailures.duplicate(comment, e);
                }
                throw e;
            }
            return null;
        });
    }

    /**
     * Checks the conditions and inserts in one transaction; see {@link ConditionalInsert} for how the
     * database's locks and unique keys make it atomic across connections and application instances.
     */
    @Override
    public InsertResult insert(Comment comment, InsertConditions conditions) {
        Objects.requireNonNull(comment, "comment must not be null");
        Objects.requireNonNull(conditions, "conditions must not be null");
        if (conditions.isEmpty()) {
            insert(comment);
            return new InsertResult.Inserted();
        }
        dialect.requireStorable(comment);
        try {
            return conditionalInsert.insert(comment, conditions);
        } catch (SQLException e) {
            throw SqlFailures.wrap("insert comment " + comment.id(), e);
        }
    }

    @Override
    public boolean supportsInsertConditions() {
        return true;
    }

    /**
     * Inserts the batch in one transaction, as one JDBC batch: one commit for up to {@value #MAX_BATCH}
     * comments, the bulk write of an import. No reader ever sees part of it. A refusal names the first comment
     * of the batch, in its order, whose id or linkback is taken; a deadlock, a busy SQLite database or a unique
     * key met on a racing batch that then rolled back is retried, a bounded number of times.
     *
     * @throws StoreException also if a comment holds text this database cannot store (see Failures above);
     *     nothing is stored then
     */
    @Override
    public void insertAll(List<Comment> comments) {
        Objects.requireNonNull(comments, "comments must not be null");
        if (comments.size() > MAX_BATCH) {
            throw new IllegalArgumentException(
                    "comments must hold at most " + MAX_BATCH + " comments, had " + comments.size());
        }
        List<Comment> batch = new ArrayList<>(comments.size());
        for (Comment comment : comments) {
            batch.add(Objects.requireNonNull(comment, "comments must not contain null"));
        }
        if (batch.isEmpty()) {
            return;
        }
        batch.forEach(dialect::requireStorable);
        try {
            batchInsert.insertAll(batch);
        } catch (SQLException e) {
            throw SqlFailures.wrap("insert " + batch.size() + " comments", e);
        }
    }

    @Override
    public Optional<Comment> find(CommentId id) {
        Objects.requireNonNull(id, "id must not be null");
        return run("find comment " + id, connection -> {
            try (PreparedStatement find = connection.prepareStatement(SELECT + " WHERE id = ?")) {
                find.setString(1, id.value());
                List<Comment> found = readAll(find);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    /** Reads the comments with one {@code IN} query per thousand ids. */
    @Override
    public Map<CommentId, Comment> findAll(Collection<CommentId> ids) {
        Objects.requireNonNull(ids, "ids must not be null");
        List<String> distinct = distinctValues(ids, CommentId::value, "ids");
        Map<String, Comment> byId = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += PageRequest.MAX_LIMIT) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + PageRequest.MAX_LIMIT));
            List<Comment> found = run("find " + chunk.size() + " comments", connection -> {
                try (PreparedStatement find = connection.prepareStatement(
                        SELECT + " WHERE " + dialect.inList("id", chunk.size()))) {
                    dialect.bindList(find, 1, chunk);
                    return readAll(find);
                }
            });
            found.forEach(c -> byId.put(c.id().value(), c));
        }
        Map<CommentId, Comment> result = new LinkedHashMap<>();
        for (String id : distinct) {
            Comment comment = byId.get(id);
            if (comment != null) {
                result.put(comment.id(), comment);
            }
        }
        return result;
    }

    @Override
    public Comment update(Comment changed) {
        Objects.requireNonNull(changed, "changed must not be null");
        dialect.requireStorable(changed);
        int updated = run("update comment " + changed.id(), connection -> {
            try (PreparedStatement update = connection.prepareStatement(updateSql)) {
                CommentRows.bindUpdate(update, changed);
                return update.executeUpdate();
            }
        });
        if (updated == 1) {
            return changed.toBuilder().version(changed.version() + 1).build();
        }
        // Nothing matched: tell why from the row as it is now. The fixed fields of a stored row never change,
        // so a difference there is the caller's; otherwise the version moved on.
        Comment stored = find(changed.id()).orElseThrow(() -> new CommentNotFoundException(changed.id()));
        stored.requireSameFixedFields(changed);
        throw new VersionConflictException(changed.id(), changed.version(),
                stored.version() == changed.version() ? -1 : stored.version());
    }

    @Override
    public boolean delete(CommentId id) {
        Objects.requireNonNull(id, "id must not be null");
        return run("delete comment " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM parley_comment WHERE id = ?")) {
                delete.setString(1, id.value());
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Page roots(ThreadKey thread, Set<Status> statuses, PageRequest request) {
        Objects.requireNonNull(thread, "thread must not be null");
        requireStatuses(statuses);
        Objects.requireNonNull(request, "request must not be null");
        Sql sql = KeysetQueries.roots(dialect, thread.value(), statuses, request);
        return Page.of(read("read roots of thread " + thread, sql), request);
    }

    @Override
    public List<Comment> replies(Collection<CommentId> rootIds, Set<Status> statuses) {
        Objects.requireNonNull(rootIds, "root ids must not be null");
        requireStatuses(statuses);
        if (rootIds.size() > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "root ids must hold at most " + PageRequest.MAX_LIMIT + " ids, had " + rootIds.size());
        }
        List<String> roots = distinctValues(rootIds, CommentId::value, "root ids");
        if (roots.isEmpty()) {
            return List.of();
        }
        List<String> statusNames = statusNames(statuses);
        String sql = "SELECT " + CommentRows.COLUMNS + dialect.fromComments("parley_comment_replies") + " WHERE "
                + dialect.inList("root_id", roots.size()) + " AND depth > 0 AND "
                + dialect.inList("status", statusNames.size()) + " ORDER BY created_micros, id";
        return run("read replies of " + roots.size() + " roots", connection -> {
            try (PreparedStatement replies = connection.prepareStatement(sql)) {
                int next = dialect.bindList(replies, 1, roots);
                dialect.bindList(replies, next, statusNames);
                return readAll(replies);
            }
        });
    }

    @Override
    public StatusCounts counts(ThreadKey thread) {
        Objects.requireNonNull(thread, "thread must not be null");
        return counts(List.of(thread)).get(thread);
    }

    /** Counts every thread with one grouped query. */
    @Override
    public Map<ThreadKey, StatusCounts> counts(Collection<ThreadKey> threads) {
        Objects.requireNonNull(threads, "threads must not be null");
        if (threads.size() > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "threads must hold at most " + PageRequest.MAX_LIMIT + " keys, had " + threads.size());
        }
        List<String> keys = distinctValues(threads, ThreadKey::value, "threads");
        Map<String, Map<Status, Long>> found = new HashMap<>();
        if (!keys.isEmpty()) {
            String sql = "SELECT thread, status, COUNT(*) FROM parley_comment WHERE "
                    + dialect.inList("thread", keys.size()) + " GROUP BY thread, status";
            run("count comments of " + keys.size() + " threads", connection -> {
                try (PreparedStatement count = connection.prepareStatement(sql)) {
                    dialect.bindList(count, 1, keys);
                    try (ResultSet rows = count.executeQuery()) {
                        while (rows.next()) {
                            found.computeIfAbsent(rows.getString(1), t -> new EnumMap<>(Status.class))
                                    .put(Status.valueOf(rows.getString(2)), rows.getLong(3));
                        }
                    }
                }
                return null;
            });
        }
        Map<ThreadKey, StatusCounts> counts = new LinkedHashMap<>();
        for (String key : keys) {
            Map<Status, Long> byStatus = found.get(key);
            counts.put(new ThreadKey(key), byStatus == null ? StatusCounts.ZERO : StatusCounts.of(byStatus));
        }
        return counts;
    }

    @Override
    public Page queue(Set<Status> statuses, PageRequest request) {
        requireStatuses(statuses);
        Objects.requireNonNull(request, "request must not be null");
        return Page.of(read("read the queue of " + statuses, KeysetQueries.queue(dialect, statuses, request)), request);
    }

    @Override
    public Page search(CommentSearch search, PageRequest request) {
        Objects.requireNonNull(search, "search must not be null");
        Objects.requireNonNull(request, "request must not be null");
        return Page.of(read("search comments", KeysetQueries.search(search, request)), request);
    }

    @Override
    public Page scan(PageRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        return Page.of(read("scan comments", KeysetQueries.scan(request)), request);
    }

    /** One range read of the index on (hash of the normalized address, created, id). */
    @Override
    public Page byEmail(String email, PageRequest request) {
        String hash = Objects.requireNonNull(CommentRows.emailHash(email));
        Objects.requireNonNull(request, "request must not be null");
        return Page.of(read("read the comments of an e-mail address",
                KeysetQueries.byEmail(dialect, hash, request)), request);
    }

    /** One indexed read of the batch and one update, in one transaction; see {@link ClientDataRetention}. */
    @Override
    public int clearClientData(java.time.Instant createdBefore, int limit) {
        Objects.requireNonNull(createdBefore, "createdBefore must not be null");
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_BATCH + ", was " + limit);
        }
        return clientDataRetention.clear(createdBefore, limit);
    }

    @Override
    public Optional<Comment> findLinkback(ThreadKey thread, String sourceUrl) {
        Objects.requireNonNull(thread, "thread must not be null");
        Objects.requireNonNull(sourceUrl, "source url must not be null");
        return run("find the linkback from " + sourceUrl + " in thread " + thread, connection -> {
            try (PreparedStatement find = connection.prepareStatement(
                    SELECT + " WHERE thread = ? AND linkback_source_hash = ? AND linkback_source = ?")) {
                find.setString(1, thread.value());
                find.setString(2, CommentRows.sourceHash(sourceUrl));
                find.setString(3, sourceUrl);
                List<Comment> found = readAll(find);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        });
    }

    private List<Comment> read(String action, Sql sql) {
        return run(action, connection -> {
            try (PreparedStatement statement = sql.prepare(connection)) {
                return readAll(statement);
            }
        });
    }

    private static List<Comment> readAll(PreparedStatement statement) throws SQLException {
        List<Comment> comments = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                comments.add(CommentRows.read(rows));
            }
        }
        return comments;
    }

    private <T extends @Nullable Object> T run(String action, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlFailures.wrap(action, e);
        }
    }

    private static void requireStatuses(Set<Status> statuses) {
        Objects.requireNonNull(statuses, "statuses must not be null");
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses must not be empty");
        }
    }

    private static List<String> statusNames(Set<Status> statuses) {
        List<String> names = new ArrayList<>(statuses.size());
        for (Status status : statuses) {
            names.add(Objects.requireNonNull(status, "statuses must not contain null").name());
        }
        return names;
    }

    private static <T> List<String> distinctValues(Collection<T> values, Function<T, String> text,
            String name) {
        Set<String> distinct = new LinkedHashSet<>();
        for (T value : values) {
            distinct.add(text.apply(Objects.requireNonNull(value, name + " must not contain null")));
        }
        return new ArrayList<>(distinct);
    }

    /** A unit of JDBC work on a borrowed connection. */
    @FunctionalInterface
    private interface SqlWork<T extends @Nullable Object> {
        T run(Connection connection) throws SQLException;
    }
}
