package dev.parley.store.jdbc;

import dev.parley.storage.StoreException;
import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobId;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.jobs.JobQueues;
import dev.parley.storage.jobs.JobState;
import dev.parley.storage.jobs.NewJob;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JobQueue} on plain JDBC, in the table {@code parley_job} beside the comments: jobs survive a
 * restart, and every application instance over the database shares one queue.
 *
 * <pre>{@code
 * JobQueue jobs = JdbcJobQueue.create(dataSource);
 * jobs.enqueue(NewJob.of("webmention", payload, clock.instant()).withDedupKey(source + " " + target));
 * for (Job job : jobs.claim(workerId, 10, Duration.ofMinutes(2))) { ... jobs.complete(job.id(), workerId, "ok"); }
 * }</pre>
 *
 * <p><b>Claiming.</b> On PostgreSQL one statement leases the jobs: an {@code UPDATE} of the ids chosen by
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} in a materialized CTE, so concurrent claimers skip each other's rows
 * instead of waiting on them, and never lease more than asked. Elsewhere (H2, MariaDB, SQLite) the due jobs are read, then each is taken with a conditional
 * {@code UPDATE} that matches only if the job is still due and its attempt count unchanged; since every claim
 * adds an attempt, a claimer that lost the race updates nothing and moves on to the next job. Both are atomic
 * per job under any isolation level the databases offer, so no job is leased to two claimers at once. A claim
 * of one kind adds the kind to the condition of the same statements.
 *
 * <p><b>Deduplication.</b> While a job waits unclaimed, a hash of its key sits in a column under a unique
 * key with its kind; claiming clears it. Of racing enqueues of one key the database admits one insert, and
 * the others read the job that won. The same hash stays in a second, indexed column for the job's life, by
 * which {@link JdbcLinkbackOutbox} finds a send job put back by {@link #retry} (the queue itself never reads
 * it).
 *
 * <p><b>Time.</b> Run times and leases are compared with the queue's clock, whose readings are written into
 * the statements, so every instance's clock should agree with the others' to well within a lease.
 *
 * <p><b>Thread-safety.</b> Safe for any number of threads and instances: the queue holds no mutable state and
 * takes a connection for each call. Give it a pooling {@code DataSource} whose connections have auto-commit on.
 * Every {@link SQLException} becomes a {@link StoreException} naming the operation.
 */
public final class JdbcJobQueue implements JobQueue {

    private static final String COLUMNS = "id, seq, kind, payload, dedup_key, state, attempts, created_micros,"
            + " run_at_micros, lease_owner, lease_until_micros, outcome, updated_micros";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM parley_job";
    private static final String CLAIMED_SET = "SET state = 'RUNNING', lease_owner = ?, lease_until_micros = ?,"
            + " due_micros = ?, attempts = attempts + 1, waiting_key_hash = NULL, updated_micros = ?";
    /** Due jobs, oldest run time first; a few more than asked, so that losing a race leaves others to try. */
    private static final String DUE = SELECT + " WHERE due_micros <= ? ORDER BY run_at_micros, seq";
    private static final String DUE_OF_KIND = SELECT + " WHERE kind = ? AND due_micros <= ?"
            + " ORDER BY run_at_micros, seq";
    private static final int SPARE_CANDIDATES = 16;
    /** Adds a pending job; see {@link #bindInsert}. */
    static final String INSERT = "INSERT INTO parley_job (id, kind, payload, dedup_key, waiting_key_hash, key_hash,"
            + " state, attempts, created_micros, run_at_micros, due_micros, updated_micros)"
            + " VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)";
    private static final int ENQUEUE_ATTEMPTS = 20;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Clock clock;

    private JdbcJobQueue(DataSource dataSource, Dialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
    }

    /**
     * Returns the queue on {@code dataSource} with the system UTC clock, first bringing the schema up to date
     * (the same migrations as {@link JdbcCommentStore#create(DataSource)}).
     *
     * @param dataSource where to take connections from, one per call; auto-commit on
     * @return the queue
     * @throws StoreException if the database is not supported or the schema cannot be migrated
     */
    public static JdbcJobQueue create(DataSource dataSource) {
        return create(dataSource, Clock.systemUTC());
    }

    /**
     * Returns the queue on {@code dataSource}, reading {@code clock}, first bringing the schema up to date.
     *
     * @param dataSource where to take connections from, one per call; auto-commit on
     * @param clock the clock run times and leases are compared with
     * @return the queue
     * @throws StoreException if the database is not supported or the schema cannot be migrated
     */
    public static JdbcJobQueue create(DataSource dataSource, Clock clock) {
        Objects.requireNonNull(clock, "clock must not be null");
        Dialect dialect = Schema.prepare(dataSource);
        return new JdbcJobQueue(dataSource, dialect, clock);
    }

    /** The queue on a database already prepared by {@link Schema#prepare}, for the store's other entry points. */
    static JdbcJobQueue prepared(DataSource dataSource, Dialect dialect, Clock clock) {
        return new JdbcJobQueue(dataSource, dialect, clock);
    }

    @Override
    public Job enqueue(NewJob job) {
        Objects.requireNonNull(job, "job must not be null");
        String keyHash = job.dedupKey() == null ? null : hash(job.dedupKey());
        return run("enqueue a " + job.kind() + " job", connection -> {
            for (int attempt = 0; attempt < ENQUEUE_ATTEMPTS; attempt++) {
                Instant now = now();
                Job stored = new Job(JobId.random(), job.kind(), job.payload(), job.dedupKey(), JobState.PENDING, 0,
                        now, job.runAt(), null, null, null, now);
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    bindInsert(insert, stored, keyHash);
                    insert.executeUpdate();
                    return stored;
                } catch (SQLException e) {
                    if (keyHash == null || !SqlFailures.isUniqueViolation(e)) {
                        throw e;
                    }
                }
                // A job with this key waits: return it, unless it was claimed since, then insert again.
                try (PreparedStatement waiting = connection.prepareStatement(
                        SELECT + " WHERE kind = ? AND waiting_key_hash = ?")) {
                    waiting.setString(1, job.kind());
                    waiting.setString(2, keyHash);
                    List<Row> found = read(waiting);
                    if (!found.isEmpty()) {
                        return found.get(0).job();
                    }
                }
            }
            throw new StoreException("could not enqueue a " + job.kind() + " job: its deduplication key stayed"
                    + " contended for " + ENQUEUE_ATTEMPTS + " attempts");
        });
    }

    @Override
    public List<Job> claim(String owner, int max, Duration lease) {
        JobQueues.checkClaim(owner, max, lease);
        return claimDue(null, owner, max, lease);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The same statements as the kind-less claim, with the kind in their condition, served by the index on
     * (kind, due time, enqueue order) of unfinished jobs.
     */
    @Override
    public List<Job> claim(String kind, String owner, int max, Duration lease) {
        JobQueues.checkClaim(kind, owner, max, lease);
        return claimDue(kind, owner, max, lease);
    }

    /** Claims due jobs of {@code kind}, or of any kind if it is null. */
    private List<Job> claimDue(@Nullable String kind, String owner, int max, Duration lease) {
        return run("claim " + (kind == null ? "" : kind + " ") + "jobs for " + owner, connection -> {
            Instant now = now();
            long nowMicros = Schema.micros(now);
            long leaseUntil = Schema.micros(now.plus(lease).truncatedTo(ChronoUnit.MICROS));
            List<Row> claimed = dialect == Dialect.POSTGRESQL
                    ? claimSkippingLocked(connection, kind, owner, max, nowMicros, leaseUntil)
                    : claimOneByOne(connection, kind, owner, max, nowMicros, leaseUntil);
            claimed.sort(Comparator.comparing((Row row) -> row.job().runAt()).thenComparingLong(Row::seq));
            return claimed.stream().map(Row::job).toList();
        });
    }

    private static List<Row> claimSkippingLocked(Connection connection, @Nullable String kind, String owner,
            int max, long now, long leaseUntil) throws SQLException {
        // The ids are chosen in a materialized CTE, not in "WHERE id IN (SELECT ... LIMIT ? FOR UPDATE SKIP
        // LOCKED)": PostgreSQL may run such a subquery again for a row a concurrent claimer changed, and then
        // lease more rows than the limit. Materialized, the choice is made once, locked, and then updated.
        try (PreparedStatement update = connection.prepareStatement("WITH picked AS MATERIALIZED (SELECT id AS"
                + " picked_id FROM parley_job WHERE " + (kind == null ? "" : "kind = ? AND ") + "due_micros <= ?"
                + " ORDER BY run_at_micros, seq LIMIT ? FOR UPDATE SKIP LOCKED) UPDATE parley_job " + CLAIMED_SET
                + " FROM picked WHERE parley_job.id = picked.picked_id RETURNING " + COLUMNS)) {
            int index = 1;
            if (kind != null) {
                update.setString(index++, kind);
            }
            update.setLong(index++, now);
            update.setInt(index++, max);
            update.setString(index++, owner);
            update.setLong(index++, leaseUntil);
            update.setLong(index++, leaseUntil);
            update.setLong(index, now);
            return read(update);
        }
    }

    private static List<Row> claimOneByOne(Connection connection, @Nullable String kind, String owner, int max,
            long now, long leaseUntil) throws SQLException {
        List<Row> claimed = new ArrayList<>();
        while (claimed.size() < max) {
            List<Row> candidates;
            try (PreparedStatement due = connection.prepareStatement((kind == null ? DUE : DUE_OF_KIND) + " LIMIT ?")) {
                int index = 1;
                if (kind != null) {
                    due.setString(index++, kind);
                }
                due.setLong(index++, now);
                due.setInt(index, max - claimed.size() + SPARE_CANDIDATES);
                candidates = read(due);
            }
            boolean lostAny = false;
            try (PreparedStatement take = connection.prepareStatement("UPDATE parley_job " + CLAIMED_SET
                    + " WHERE id = ? AND attempts = ? AND due_micros <= ?")) {
                for (Row candidate : candidates) {
                    if (claimed.size() == max) {
                        break;
                    }
                    Job job = candidate.job();
                    take.setString(1, owner);
                    take.setLong(2, leaseUntil);
                    take.setLong(3, leaseUntil);
                    take.setLong(4, now);
                    take.setString(5, job.id().value());
                    take.setInt(6, job.attempts());
                    take.setLong(7, now);
                    if (take.executeUpdate() == 1) {
                        claimed.add(new Row(new Job(job.id(), job.kind(), job.payload(), job.dedupKey(),
                                JobState.RUNNING, job.attempts() + 1, job.createdAt(), job.runAt(), owner,
                                Schema.instant(leaseUntil), job.outcome(), Schema.instant(now)), candidate.seq()));
                    } else {
                        lostAny = true;
                    }
                }
            }
            // Stop when the due jobs ran out; read again only if other claimers took some of the candidates.
            if (!lostAny || candidates.isEmpty()) {
                break;
            }
        }
        return claimed;
    }

    @Override
    public boolean complete(JobId id, String owner, String outcome) {
        JobQueues.checkFinish(id, owner, outcome, "outcome");
        return finish("complete job " + id, id, owner, "state = 'DONE', due_micros = NULL", null, outcome);
    }

    @Override
    public boolean retry(JobId id, String owner, Instant runAt, String reason) {
        JobQueues.checkFinish(id, owner, reason, "reason");
        long at = Schema.micros(JobQueues.checkRunAt(runAt));
        return finish("retry job " + id, id, owner, "state = 'PENDING', run_at_micros = ?, due_micros = ?", at,
                reason);
    }

    @Override
    public boolean giveUp(JobId id, String owner, String reason) {
        JobQueues.checkFinish(id, owner, reason, "reason");
        return finish("give up job " + id, id, owner, "state = 'GAVE_UP', due_micros = NULL", null, reason);
    }

    private boolean finish(String action, JobId id, String owner, String set, @Nullable Long runAt, String outcome) {
        return run(action, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE parley_job SET " + set
                    + ", outcome = ?, updated_micros = ? WHERE id = ? AND state = 'RUNNING' AND lease_owner = ?")) {
                int index = 1;
                if (runAt != null) {
                    update.setLong(index++, runAt);
                    update.setLong(index++, runAt);
                }
                update.setString(index++, outcome);
                update.setLong(index++, Schema.micros(now()));
                update.setString(index++, id.value());
                update.setString(index, owner);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Job> find(JobId id) {
        Objects.requireNonNull(id, "id must not be null");
        return run("find job " + id, connection -> {
            try (PreparedStatement find = connection.prepareStatement(SELECT + " WHERE id = ?")) {
                find.setString(1, id.value());
                return read(find).stream().findFirst().map(Row::job);
            }
        });
    }

    @Override
    public long countUnfinished(String kind) {
        Objects.requireNonNull(kind, "kind must not be null");
        return run("count " + kind + " jobs", connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM parley_job WHERE kind = ? AND due_micros IS NOT NULL")) {
                count.setString(1, kind);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    @Override
    public int purgeFinished(Instant before) {
        Objects.requireNonNull(before, "before must not be null");
        return run("purge finished jobs", connection -> {
            try (PreparedStatement purge = connection.prepareStatement(
                    "DELETE FROM parley_job WHERE due_micros IS NULL AND updated_micros < ?")) {
                purge.setLong(1, Schema.micros(before.truncatedTo(ChronoUnit.MICROS)));
                return purge.executeUpdate();
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Binds {@link #INSERT} for a new pending job (no attempts, created and updated at its creation time).
     *
     * @param keyHash the {@link #hash} of its deduplication key, or null if it has none
     */
    static void bindInsert(PreparedStatement insert, Job job, @Nullable String keyHash) throws SQLException {
        insert.setString(1, job.id().value());
        insert.setString(2, job.kind());
        insert.setString(3, job.payload());
        setNullable(insert, 4, job.dedupKey());
        setNullable(insert, 5, keyHash);
        setNullable(insert, 6, keyHash);
        insert.setLong(7, Schema.micros(job.createdAt()));
        insert.setLong(8, Schema.micros(job.runAt()));
        insert.setLong(9, Schema.micros(job.runAt()));
        insert.setLong(10, Schema.micros(job.createdAt()));
    }

    /** SHA-256 of the key's UTF-16 code units: exact for any Java string, unpaired surrogates included. */
    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_16BE));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void setNullable(PreparedStatement statement, int index, @Nullable String value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static List<Row> read(PreparedStatement statement) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                String owner = result.getString("lease_owner");
                long leaseUntil = result.getLong("lease_until_micros");
                boolean leased = !result.wasNull() && owner != null;
                Job job = new Job(new JobId(result.getString("id")), result.getString("kind"),
                        result.getString("payload"), result.getString("dedup_key"),
                        JobState.valueOf(result.getString("state")), result.getInt("attempts"),
                        Schema.instant(result.getLong("created_micros")),
                        Schema.instant(result.getLong("run_at_micros")), leased ? owner : null,
                        leased ? Schema.instant(leaseUntil) : null, result.getString("outcome"),
                        Schema.instant(result.getLong("updated_micros")));
                rows.add(new Row(job, result.getLong("seq")));
            }
        }
        return rows;
    }

    private <T> T run(String action, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlFailures.wrap(action, e);
        }
    }

    /** A job read with its enqueue order. */
    private record Row(Job job, long seq) {
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
