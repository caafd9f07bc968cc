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
import dev.parley.storage.ThreadState;
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
 * thread of 100 comments or of 100,000. A root's page of replies ({@link #replyPage}) is one bounded range of
 * the replies index, and the first replies of a page of roots ({@link #firstReplies}) one statement of such
 * ranges; reply counts read that index alone.
 *
 * <p><b>Thread row.</b> A second table, {@code parley_thread}, holds one row per thread: its change stamp and
 * its counts by status ({@link #state}). Every write (insert, conditional insert, batch insert, update,
 * delete) runs in one transaction that first upserts its thread's row (a batch: each of its threads' rows, in
 * thread key order), adding one to the version and moving the counts, and then writes the comment; a refused
 * write rolls back and leaves the row as it was. Counts and states read that row by primary key, one read
 * whatever the thread's size. The row's lock makes the writers of one thread follow each other; writers of
 * different threads do not wait for each other.
 *
 * <p><b>Thread-safety.</b> Safe for any number of threads: the store holds no mutable state and takes a
 * connection from the {@code DataSource} for each call, returning it before the call ends. Every write runs
 * in one transaction (see Thread row above; one that loses a deadlock is run again, a bounded number of times),
 * and every read is a single SQL statement (an update that matches nothing reads the row once more to say why),
 * so each is atomic and reads one consistent snapshot. Give it a
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

    /** How often a delete looks for the comment's thread again when the comment was stored anew elsewhere. */
    private static final int DELETE_ATTEMPTS = 16;

    private static final java.util.Comparator<Comment> OLDEST_FIRST =
            java.util.Comparator.comparing(Comment::createdAt).thenComparing(Comment::id);

    private final DataSource dataSource;
    private final Dialect dialect;
    private final ConditionalInsert conditionalInsert;
    private final BatchInsert batchInsert;
    private final ThreadRows threads;
    private final ClientDataRetention clientDataRetention;
    private final String updateSql;

    private JdbcCommentStore(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.threads = new ThreadRows(dialect);
        this.conditionalInsert = new ConditionalInsert(dataSource, dialect, threads);
        this.batchInsert = new BatchInsert(dataSource, dialect, threads);
        this.clientDataRetention = new ClientDataRetention(dataSource, dialect, threads);
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
        write("insert comment " + comment.id(), connection -> {
            threads.bump(connection, comment.thread().value(), ThreadRows.adding(comment.status()));
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
        String thread = changed.thread().value();
        boolean updated = write("update comment " + changed.id(), connection -> {
            // The thread row first: its lock keeps every other writer of the comment out until the commit, so
            // the status read here is the one the update replaces.
            threads.bump(connection, thread, ThreadRows.none());
            Status before = storedStatus(connection, changed.id(), thread);
            int matched = 0;
            if (before != null) {
                try (PreparedStatement update = connection.prepareStatement(updateSql)) {
                    CommentRows.bindUpdate(update, changed);
                    matched = update.executeUpdate();
                }
            }
            if (matched != 1) {
                connection.rollback();
                return false;
            }
            ThreadRows.move(connection, thread, before, changed.status());
            return true;
        });
        if (updated) {
            return changed.toBuilder().version(changed.version() + 1).build();
        }
        // Nothing matched: tell why from the row as it is now. The fixed fields of a stored row never change,
        // so a difference there is the caller's; otherwise the version moved on.
        Comment stored = find(changed.id()).orElseThrow(() -> new CommentNotFoundException(changed.id()));
        stored.requireSameFixedFields(changed);
        throw new VersionConflictException(changed.id(), changed.version(),
                stored.version() == changed.version() ? -1 : stored.version());
    }

    /**
     * Reads the comment's thread, then in one transaction takes the thread row, deletes the comment and takes
     * it off its count; a comment not stored changes nothing, its thread's version included.
     */
    @Override
    public boolean delete(CommentId id) {
        Objects.requireNonNull(id, "id must not be null");
        for (int attempt = 0; attempt < DELETE_ATTEMPTS; attempt++) {
            String thread = run("find the thread of comment " + id, connection -> {
                try (PreparedStatement find = connection.prepareStatement(
                        "SELECT thread FROM parley_comment WHERE id = ?")) {
                    find.setString(1, id.value());
                    try (ResultSet rows = find.executeQuery()) {
                        return rows.next() ? rows.getString(1) : null;
                    }
                }
            });
            if (thread == null) {
                return false;
            }
            Boolean deleted = write("delete comment " + id, connection -> {
                threads.bump(connection, thread, ThreadRows.none());
                Status status = storedStatus(connection, id, thread);
                if (status == null) {
                    connection.rollback();
                    // Gone meanwhile, or (rarely) deleted and stored again in another thread: look again.
                    return stillStored(connection, id) ? null : false;
                }
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM parley_comment WHERE id = ?")) {
                    delete.setString(1, id.value());
                    delete.executeUpdate();
                }
                ThreadRows.remove(connection, thread, status);
                return true;
            });
            if (deleted != null) {
                return deleted;
            }
        }
        throw new StoreException("could not delete comment " + id + ": it moved between threads " + DELETE_ATTEMPTS
                + " times while being deleted");
    }

    /** The status of a stored comment if it is in {@code thread}, else null. */
    private static @Nullable Status storedStatus(Connection connection, CommentId id, String thread)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT thread, status FROM parley_comment WHERE id = ?")) {
            find.setString(1, id.value());
            try (ResultSet rows = find.executeQuery()) {
                if (!rows.next() || !thread.equals(rows.getString(1))) {
                    return null;
                }
                return Status.valueOf(rows.getString(2));
            }
        }
    }

    private static boolean stillStored(Connection connection, CommentId id) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement("SELECT 1 FROM parley_comment WHERE id = ?")) {
            find.setString(1, id.value());
            try (ResultSet rows = find.executeQuery()) {
                return rows.next();
            }
        }
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

    /** Reads the threads' rows: one primary-key read per thread, in one statement. */
    @Override
    public Map<ThreadKey, StatusCounts> counts(Collection<ThreadKey> threads) {
        Map<ThreadKey, StatusCounts> counts = new LinkedHashMap<>();
        states(threads).forEach((thread, state) -> counts.put(thread, state.counts()));
        return counts;
    }

    /** True: the thread row ({@code parley_thread}) moves with every write, in its transaction. */
    @Override
    public boolean supportsThreadState() {
        return true;
    }

    @Override
    public ThreadState state(ThreadKey thread) {
        Objects.requireNonNull(thread, "thread must not be null");
        return states(List.of(thread)).get(thread);
    }

    /** Reads the threads' rows by primary key in one statement. */
    @Override
    public Map<ThreadKey, ThreadState> states(Collection<ThreadKey> threads) {
        Objects.requireNonNull(threads, "threads must not be null");
        if (threads.size() > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "threads must hold at most " + PageRequest.MAX_LIMIT + " keys, had " + threads.size());
        }
        List<String> keys = distinctValues(threads, ThreadKey::value, "threads");
        Map<String, ThreadState> found = keys.isEmpty() ? Map.of()
                : run("read the state of " + keys.size() + " threads", connection -> ThreadRows.read(connection, keys));
        Map<ThreadKey, ThreadState> states = new LinkedHashMap<>();
        for (String key : keys) {
            ThreadKey thread = new ThreadKey(key);
            states.put(thread, found.getOrDefault(key, ThreadState.empty(thread)));
        }
        return states;
    }

    /** One range of the replies index, from the cursor on, {@code LIMIT}ed to the page. */
    @Override
    public Page replyPage(CommentId rootId, Set<Status> statuses, PageRequest request) {
        Objects.requireNonNull(rootId, "rootId must not be null");
        requireStatuses(statuses);
        Objects.requireNonNull(request, "request must not be null");
        return Page.of(read("read a page of replies of " + rootId,
                ReplyQueries.replyPage(dialect, rootId.value(), statuses, request)), request);
    }

    /**
     * One statement for all roots: a {@code LIMIT}ed range of the replies index per root, joined by
     * {@code UNION ALL} (on SQLite one statement per 500 roots, its limit of compound terms).
     */
    @Override
    public Map<CommentId, Page> firstReplies(Collection<CommentId> rootIds, Set<Status> statuses, int limitPerRoot) {
        Objects.requireNonNull(rootIds, "rootIds must not be null");
        requireStatuses(statuses);
        if (limitPerRoot < 1 || limitPerRoot > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limitPerRoot must be between 1 and " + PageRequest.MAX_LIMIT + ", was " + limitPerRoot);
        }
        requireAtMostMaxLimit(rootIds.size(), "rootIds");
        List<String> roots = distinctValues(rootIds, CommentId::value, "rootIds");
        Map<String, List<Comment>> byRoot = new HashMap<>();
        int chunk = ReplyQueries.rootsPerStatement(dialect);
        for (int from = 0; from < roots.size(); from += chunk) {
            List<String> part = roots.subList(from, Math.min(roots.size(), from + chunk));
            for (Comment reply : read("read the first replies of " + part.size() + " roots",
                    ReplyQueries.firstReplies(dialect, part, statuses, limitPerRoot))) {
                byRoot.computeIfAbsent(reply.rootId().value(), r -> new ArrayList<>()).add(reply);
            }
        }
        PageRequest first = PageRequest.first(dev.parley.storage.Order.OLDEST_FIRST, limitPerRoot);
        Map<CommentId, Page> pages = new LinkedHashMap<>();
        for (String root : roots) {
            List<Comment> replies = byRoot.getOrDefault(root, new ArrayList<>());
            // Each branch is ordered, but SQL promises no order for the rows of a UNION ALL.
            replies.sort(OLDEST_FIRST);
            pages.put(new CommentId(root), Page.of(replies, first));
        }
        return pages;
    }

    /** One grouped read of the replies index, which covers it. */
    @Override
    public Map<CommentId, StatusCounts> replyCounts(Collection<CommentId> rootIds) {
        Objects.requireNonNull(rootIds, "rootIds must not be null");
        requireAtMostMaxLimit(rootIds.size(), "rootIds");
        List<String> roots = distinctValues(rootIds, CommentId::value, "rootIds");
        Map<String, Map<Status, Long>> found = new HashMap<>();
        if (!roots.isEmpty()) {
            Sql sql = ReplyQueries.replyCounts(dialect, roots);
            run("count the replies of " + roots.size() + " roots", connection -> {
                try (PreparedStatement count = sql.prepare(connection); ResultSet rows = count.executeQuery()) {
                    while (rows.next()) {
                        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
                        for (Status status : Status.values()) {
                            byStatus.put(status, rows.getLong(2 + status.ordinal()));
                        }
                        found.put(rows.getString(1), byStatus);
                    }
                }
                return null;
            });
        }
        Map<CommentId, StatusCounts> counts = new LinkedHashMap<>();
        for (String root : roots) {
            Map<Status, Long> byStatus = found.get(root);
            counts.put(new CommentId(root), byStatus == null ? StatusCounts.ZERO : StatusCounts.of(byStatus));
        }
        return counts;
    }

    private static void requireAtMostMaxLimit(int size, String name) {
        if (size > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    name + " must hold at most " + PageRequest.MAX_LIMIT + " elements, had " + size);
        }
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

    /** Runs a write in one transaction (see {@link Transactions}), failures wrapped as the other calls'. */
    private <T extends @Nullable Object> T write(String action, Transactions.Work<T> work) {
        try {
            return Transactions.run(dataSource, work);
        } catch (SQLException e) {
            throw SqlFailures.wrap(action, e);
        }
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
