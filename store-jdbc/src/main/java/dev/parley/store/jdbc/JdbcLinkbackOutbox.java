package dev.parley.store.jdbc;

import dev.parley.storage.StoreException;
import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobId;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.jobs.JobState;
import dev.parley.storage.jobs.NewJob;
import dev.parley.storage.outbox.LinkbackOutbox;
import dev.parley.storage.outbox.LinkbackOutboxes;
import dev.parley.storage.outbox.SendResult;
import dev.parley.storage.outbox.SendStatus;
import dev.parley.storage.outbox.TargetRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link LinkbackOutbox} on plain JDBC: the records in {@code parley_linkback_target}, the send jobs in
 * {@code parley_job} through a {@link JdbcJobQueue} on the same database, so queued sends survive a restart and
 * every application instance over the database shares them.
 *
 * <pre>{@code
 * LinkbackOutbox outbox = JdbcLinkbackOutbox.create(dataSource);
 * outbox.plan(postUrl, linkedUrls, false, clock.instant());
 * for (Job job : outbox.jobs().claim(LinkbackOutbox.SEND_KIND, workerId, 10, Duration.ofMinutes(2))) { ... }
 * }</pre>
 *
 * <p><b>Planning.</b> A plan is one transaction: it writes the source's records and the send jobs together, so a
 * crash leaves both or neither. Plans of one source are serialized by its row in {@code parley_linkback_source}:
 * the row is first given to a source that has none (a statement of its own, which fails on nothing), then the
 * transaction's first statement updates it, which holds the row's lock (on SQLite, the database's write lock)
 * until the end; only then are the source's records read. A send job is added unless a pending one of the same
 * key exists, found by the job's key hash (which, unlike the unique hash of {@link JdbcJobQueue#enqueue}, a claim
 * does not clear): waiting unclaimed, or put back by a retry and waiting out its back-off. That job is kept, its
 * run time moved to the plan's if the plan's is earlier. On PostgreSQL and H2 the pending job's row is locked for
 * the rest of the plan, so that no claim takes it in between; on MariaDB the conditional update that moves it
 * takes the lock, and a job claimed before it gets a new one beside it (SQLite's plan holds the write lock). A
 * plan the database resolved by failing it (a deadlock, a serialization failure, a busy SQLite database, or a
 * racing enqueue of the same key through {@link #jobs()}) is run again, a bounded number of times.
 *
 * <p><b>Keys.</b> Rows are keyed by SHA-256 hashes of the URLs' UTF-8 bytes: a 2,048-character URL fits no index
 * on every database (MariaDB's 3,072-byte key limit, in utf8mb4). Records are sorted in Java, in {@link String}
 * order, since the databases' collations order text by code point or by locale.
 *
 * <p><b>Thread-safety.</b> Safe for any number of threads and instances: the outbox holds no mutable state and
 * takes a connection for each call. Give it a pooling {@code DataSource} whose connections have auto-commit on.
 * Every {@link SQLException} becomes a {@link StoreException} naming the operation.
 */
public final class JdbcLinkbackOutbox implements LinkbackOutbox {

    private static final int ATTEMPTS = 16;
    private static final String RECORD_COLUMNS = "source, target, live, status, protocol, endpoint, http_status,"
            + " location, reason, attempts, updated_micros";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Clock clock;
    private final JdbcJobQueue jobs;

    private JdbcLinkbackOutbox(DataSource dataSource, Dialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
        this.jobs = JdbcJobQueue.prepared(dataSource, dialect, clock);
    }

    /**
     * Returns the outbox on {@code dataSource} with the system UTC clock, first bringing the schema up to date
     * (the same migrations as {@link JdbcCommentStore#create(DataSource)}).
     *
     * @param dataSource where to take connections from, one per call; auto-commit on
     * @return the outbox
     * @throws StoreException if the database is not supported or the schema cannot be migrated
     */
    public static JdbcLinkbackOutbox create(DataSource dataSource) {
        return create(dataSource, Clock.systemUTC());
    }

    /**
     * Returns the outbox on {@code dataSource}, reading {@code clock} (as does its job queue), first bringing the
     * schema up to date.
     *
     * @param dataSource where to take connections from, one per call; auto-commit on
     * @param clock the clock of the records' times, run times and leases
     * @return the outbox
     * @throws StoreException if the database is not supported or the schema cannot be migrated
     */
    public static JdbcLinkbackOutbox create(DataSource dataSource, Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        Dialect dialect = Schema.prepare(dataSource);
        return new JdbcLinkbackOutbox(dataSource, dialect, clock);
    }

    @Override
    public List<String> plan(String source, Set<String> targets, boolean deleted, Instant runAt) {
        Instant at = LinkbackOutboxes.checkPlan(source, targets, deleted, runAt);
        Set<String> linked = Set.copyOf(targets);
        String sourceHash = CommentRows.sourceHash(source);
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                backOff(attempt);
            }
            try {
                giveSourceItsRow(source, sourceHash);
                return planOnce(source, sourceHash, linked, deleted, at);
            } catch (SQLException e) {
                if (!SqlFailures.isTransient(e) && !SqlFailures.isUniqueViolation(e)) {
                    throw SqlFailures.wrap("plan the linkbacks of " + source, e);
                }
                last = e;
            }
        }
        throw new StoreException("could not plan the linkbacks of " + source + ": racing writes kept it from"
                + " settling after " + ATTEMPTS + " attempts", last);
    }

    /** One transaction: lock the source, read its records, write the plan's records and jobs. */
    private List<String> planOnce(String source, String sourceHash, Set<String> targets, boolean deleted,
            Instant runAt) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Instant now = now();
                try (PreparedStatement lock = connection.prepareStatement(
                        "UPDATE parley_linkback_source SET planned_micros = ? WHERE source_hash = ?")) {
                    lock.setLong(1, Schema.micros(now));
                    lock.setString(2, sourceHash);
                    if (lock.executeUpdate() != 1) {
                        throw new StoreException("the outbox row of source " + source + " is missing");
                    }
                }
                List<TargetRecord> existing = read(connection, source, sourceHash);
                LinkbackOutboxes.Plan plan = LinkbackOutboxes.plan(source, existing, targets, deleted, now);
                Set<String> stored = new HashSet<>();
                for (TargetRecord record : existing) {
                    stored.add(record.target());
                }
                forget(connection, sourceHash, plan.forgotten());
                writeQueued(connection, sourceHash, plan.queued(), stored);
                enqueueSends(connection, source, plan.targets(), runAt, now);
                connection.commit();
                return plan.targets();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Gives the source its lock row unless it has one; a statement of its own that fails on nothing. */
    private void giveSourceItsRow(String source, String sourceHash) throws SQLException {
        String sql = switch (dialect) {
            case POSTGRESQL, SQLITE -> "INSERT INTO parley_linkback_source (source_hash, source, planned_micros)"
                    + " VALUES (?, ?, ?) ON CONFLICT (source_hash) DO NOTHING";
            case MARIADB -> "INSERT IGNORE INTO parley_linkback_source (source_hash, source, planned_micros)"
                    + " VALUES (?, ?, ?)";
            case H2 -> "MERGE INTO parley_linkback_source t USING (VALUES (CAST(? AS CHAR(64)),"
                    + " CAST(? AS VARCHAR(2048)), CAST(? AS BIGINT))) AS s (source_hash, source, planned_micros)"
                    + " ON t.source_hash = s.source_hash WHEN NOT MATCHED THEN INSERT (source_hash, source,"
                    + " planned_micros) VALUES (s.source_hash, s.source, s.planned_micros)";
        };
        try (Connection connection = dataSource.getConnection();
                PreparedStatement give = connection.prepareStatement(sql)) {
            give.setString(1, sourceHash);
            give.setString(2, source);
            give.setLong(3, Schema.micros(now()));
            try {
                give.executeUpdate();
            } catch (SQLException e) {
                if (!SqlFailures.isUniqueViolation(e)) {
                    throw e; // a racer inserted the same row between H2's MERGE check and its insert
                }
            }
        }
    }

    private static void forget(Connection connection, String sourceHash, List<String> targets) throws SQLException {
        if (targets.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM parley_linkback_target WHERE source_hash = ? AND target_hash = ?")) {
            for (String target : targets) {
                delete.setString(1, sourceHash);
                delete.setString(2, CommentRows.sourceHash(target));
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private static void writeQueued(Connection connection, String sourceHash, List<TargetRecord> queued,
            Set<String> stored) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE parley_linkback_target SET live = ?,"
                + " status = ?, protocol = NULL, endpoint = NULL, http_status = 0, location = NULL, reason = NULL,"
                + " attempts = 0, updated_micros = ? WHERE source_hash = ? AND target_hash = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO parley_linkback_target"
                        + " (source_hash, target_hash, " + RECORD_COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, 0, NULL, NULL, 0, ?)")) {
            boolean updates = false;
            boolean inserts = false;
            for (TargetRecord record : queued) {
                String targetHash = CommentRows.sourceHash(record.target());
                long at = Schema.micros(record.updatedAt());
                if (stored.contains(record.target())) {
                    update.setInt(1, record.live() ? 1 : 0);
                    update.setString(2, record.status().name());
                    update.setLong(3, at);
                    update.setString(4, sourceHash);
                    update.setString(5, targetHash);
                    update.addBatch();
                    updates = true;
                } else {
                    insert.setString(1, sourceHash);
                    insert.setString(2, targetHash);
                    insert.setString(3, record.source());
                    insert.setString(4, record.target());
                    insert.setInt(5, record.live() ? 1 : 0);
                    insert.setString(6, record.status().name());
                    insert.setLong(7, at);
                    insert.addBatch();
                    inserts = true;
                }
            }
            if (updates) {
                update.executeBatch();
            }
            if (inserts) {
                insert.executeBatch();
            }
        }
    }

    /**
     * Adds a send job for each target unless a pending one of the same key exists (waiting unclaimed, or put back
     * by a retry to wait out its back-off): that one's run time is then moved to {@code runAt} if earlier. On
     * PostgreSQL and H2 the pending job is locked when read; elsewhere the update is conditional on the job being
     * as read, and a job claimed in between gets a new one beside it. The plan holds the source's lock, so only
     * an enqueue through {@link #jobs()} outside any plan can race the insert; the unique key of waiting jobs then
     * fails the plan, which is run again.
     */
    private void enqueueSends(Connection connection, String source, List<String> targets, Instant runAt,
            Instant now) throws SQLException {
        String lockPending = dialect == Dialect.POSTGRESQL || dialect == Dialect.H2 ? " FOR UPDATE" : "";
        long runAtMicros = Schema.micros(runAt);
        try (PreparedStatement pending = connection.prepareStatement("SELECT id, seq, attempts, run_at_micros,"
                + " updated_micros FROM parley_job WHERE kind = ? AND key_hash = ? AND due_micros IS NOT NULL"
                + " AND state = 'PENDING'" + lockPending);
                PreparedStatement advance = connection.prepareStatement("UPDATE parley_job SET run_at_micros = ?,"
                        + " due_micros = ?, updated_micros = ? WHERE id = ? AND state = 'PENDING' AND attempts = ?"
                        + " AND run_at_micros = ?");
                PreparedStatement insert = connection.prepareStatement(JdbcJobQueue.INSERT)) {
            boolean inserts = false;
            for (String target : targets) {
                NewJob send = LinkbackOutboxes.sendJob(source, target, runAt);
                String keyHash = JdbcJobQueue.hash(send.dedupKey());
                pending.setString(1, send.kind());
                pending.setString(2, keyHash);
                if (advancePending(pending, advance, runAtMicros, Schema.micros(now))) {
                    continue;
                }
                Job job = new Job(JobId.random(), send.kind(), send.payload(), send.dedupKey(), JobState.PENDING, 0,
                        now, send.runAt(), null, null, null, now);
                JdbcJobQueue.bindInsert(insert, job, keyHash);
                insert.addBatch();
                inserts = true;
            }
            if (inserts) {
                insert.executeBatch();
            }
        }
    }

    /**
     * Moves the first-enqueued pending job that {@code pending} finds to {@code runAt} if that is earlier, keeping
     * its attempts; the update also takes the job's row lock where the read did not.
     *
     * @return true if there is such a job and it is still pending as read, so that no new job is needed
     */
    private static boolean advancePending(PreparedStatement pending, PreparedStatement advance, long runAt,
            long now) throws SQLException {
        @Nullable String id = null;
        long seq = Long.MAX_VALUE;
        int attempts = 0;
        long runAtBefore = 0;
        long updatedBefore = 0;
        try (ResultSet rows = pending.executeQuery()) {
            while (rows.next()) {
                if (rows.getLong("seq") < seq) {
                    id = rows.getString("id");
                    seq = rows.getLong("seq");
                    attempts = rows.getInt("attempts");
                    runAtBefore = rows.getLong("run_at_micros");
                    updatedBefore = rows.getLong("updated_micros");
                }
            }
        }
        if (id == null) {
            return false;
        }
        boolean earlier = runAt < runAtBefore;
        advance.setLong(1, earlier ? runAt : runAtBefore);
        advance.setLong(2, earlier ? runAt : runAtBefore);
        advance.setLong(3, earlier ? now : updatedBefore);
        advance.setString(4, id);
        advance.setInt(5, attempts);
        advance.setLong(6, runAtBefore);
        return advance.executeUpdate() == 1;
    }

    @Override
    public List<TargetRecord> targets(String source) {
        LinkbackOutboxes.checkUrl(source, "source");
        return run("read the linkback targets of " + source, connection -> {
            List<TargetRecord> records = read(connection, source, CommentRows.sourceHash(source));
            records.sort(LinkbackOutboxes.targetOrder());
            return List.copyOf(records.size() > MAX_TARGETS ? records.subList(0, MAX_TARGETS) : records);
        });
    }

    @Override
    public boolean record(String source, String target, SendResult result) {
        LinkbackOutboxes.checkRecord(source, target, result);
        return run("record the linkback from " + source + " to " + target, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE parley_linkback_target SET"
                    + " status = ?, protocol = ?, endpoint = ?, http_status = ?, location = ?, reason = ?,"
                    + " attempts = ?, updated_micros = ? WHERE source_hash = ? AND target_hash = ?")) {
                update.setString(1, result.status().name());
                setNullable(update, 2, result.protocol());
                setNullable(update, 3, result.endpoint());
                update.setInt(4, result.httpStatus());
                setNullable(update, 5, result.location());
                setNullable(update, 6, result.reason());
                update.setInt(7, result.attempts());
                update.setLong(8, Schema.micros(result.at()));
                update.setString(9, CommentRows.sourceHash(source));
                update.setString(10, CommentRows.sourceHash(target));
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public JobQueue jobs() {
        return jobs;
    }

    /** The source's records, unsorted; rows of another source under a colliding hash are left out. */
    private static List<TargetRecord> read(Connection connection, String source, String sourceHash)
            throws SQLException {
        List<TargetRecord> records = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + RECORD_COLUMNS + " FROM parley_linkback_target WHERE source_hash = ?")) {
            select.setString(1, sourceHash);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (!source.equals(rows.getString("source"))) {
                        continue;
                    }
                    records.add(new TargetRecord(rows.getString("source"), rows.getString("target"),
                            rows.getInt("live") != 0, SendStatus.valueOf(rows.getString("status")),
                            rows.getString("protocol"), rows.getString("endpoint"), rows.getInt("http_status"),
                            rows.getString("location"), rows.getString("reason"), rows.getInt("attempts"),
                            Schema.instant(rows.getLong("updated_micros"))));
                }
            }
        }
        return records;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void setNullable(PreparedStatement statement, int index, @Nullable String value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private <T> T run(String action, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlFailures.wrap(action, e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
