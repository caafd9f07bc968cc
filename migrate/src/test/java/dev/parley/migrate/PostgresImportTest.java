package dev.parley.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.migrate.wxr.WxrReader;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Kind;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.store.jdbc.JdbcCommentStore;
import dev.parley.store.jdbc.PostgresDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated WordPress export of 100,000 comments goes into PostgreSQL in batches, one transaction to look the
 * batch up and one to insert it, and importing it again changes nothing.
 */
@DisplayName("Importing a large WXR file into PostgreSQL")
class PostgresImportTest {

    private static final int COMMENTS = 100_000;
    private static final int POSTS = 1_000;

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @TempDir
    Path dir;

    @Test
    @DisplayName("every comment is written in batches, and a second import finds them all unchanged")
    void importsInBatchesAndReimportChangesNothing() throws IOException {
        Path file = dir.resolve("export.xml.gz");
        WxrGenerator.Counts generated = WxrGenerator.builder().comments(COMMENTS).posts(POSTS).seed(12).build()
                .write(file);
        CountingDataSource connections = new CountingDataSource(POSTGRES.dataSource());
        JdbcCommentStore store = JdbcCommentStore.create(connections);
        Importer importer = Importer.builder().store(store).build();
        int batches = wholeThreadBatches(ImportSource.of(file));

        connections.count.set(0);
        long start = System.nanoTime();
        ImportReport first = importer.run(new WxrReader(), ImportSource.of(file));
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        int firstConnections = connections.count.getAndSet(0);
        start = System.nanoTime();
        ImportReport again = importer.run(new WxrReader(), ImportSource.of(file));
        long againMillis = (System.nanoTime() - start) / 1_000_000;
        int againConnections = connections.count.get();
        System.out.printf("PostgreSQL: %,d comments imported in %,d ms (%,.0f comments/s), re-imported in %,d ms%n",
                COMMENTS, firstMillis, COMMENTS * 1000.0 / firstMillis, againMillis);

        assertThat(first.read()).isEqualTo(COMMENTS);
        assertThat(first.inserted()).isEqualTo(COMMENTS);
        assertThat(first.threads()).hasSize(POSTS);
        assertThat(first.statuses()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Status.APPROVED, generated.approved(), Status.PENDING, generated.pending(),
                Status.SPAM, generated.spam(), Status.DELETED, generated.trash()));
        assertThat(first.kinds()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Kind.COMMENT, COMMENTS - generated.pingbacks() - generated.trackbacks(),
                Kind.PINGBACK, generated.pingbacks(), Kind.TRACKBACK, generated.trackbacks()));
        assertThat(first.warningCounts()).containsExactlyEntriesOf(
                Map.of(ImportWarning.Code.DATE_FALLBACK, generated.missingGmtDates()));
        assertThat(firstConnections).as("one look-up and one insert per batch").isEqualTo(2 * batches);

        assertThat(stored(store, first)).isEqualTo(new StatusCounts(generated.pending(), generated.approved(),
                generated.spam(), generated.trash()));

        assertThat(again.read()).isEqualTo(COMMENTS);
        assertThat(again.unchanged()).isEqualTo(COMMENTS);
        assertThat(again.inserted() + again.updated() + again.replaced()).isZero();
        assertThat(againConnections).as("one look-up per batch, nothing written").isEqualTo(batches);
        assertThat(stored(store, again)).isEqualTo(stored(store, first));
    }

    /**
     * The batches the importer makes of whole threads, each thread's comments in one insert: a thread that would
     * not fit beside the batch queued starts the next one.
     */
    private static int wholeThreadBatches(ImportSource source) {
        List<Integer> sizes = new ArrayList<>();
        int[] current = {0};
        new WxrReader().read(source, new CommentReader.Handler() {
            @Override
            public void thread(SourceThread thread) {
                sizes.add(current[0]);
                current[0] = 0;
            }

            @Override
            public void comment(SourceComment comment) {
                current[0]++;
            }

            @Override
            public void warning(ImportWarning warning) {
            }
        });
        int batches = 0;
        int queued = 0;
        for (int size : sizes) {
            if (queued > 0 && queued + size > Importer.DEFAULT_BATCH_SIZE) {
                batches++;
                queued = 0;
            }
            // A thread larger than a batch but within one call's limit is a batch of its own.
            int limit = size <= CommentStore.MAX_BATCH ? Math.max(Importer.DEFAULT_BATCH_SIZE, size)
                    : Importer.DEFAULT_BATCH_SIZE;
            for (int i = 0; i < size; i++) {
                queued++;
                if (queued >= limit) {
                    batches++;
                    queued = 0;
                }
            }
        }
        return queued > 0 ? batches + 1 : batches;
    }

    private static StatusCounts stored(JdbcCommentStore store, ImportReport report) {
        long[] byStatus = new long[Status.values().length];
        for (StatusCounts counts : store.counts(report.threads().keySet()).values()) {
            for (Status status : Status.values()) {
                byStatus[status.ordinal()] += counts.get(status);
            }
        }
        return new StatusCounts(byStatus[Status.PENDING.ordinal()], byStatus[Status.APPROVED.ordinal()],
                byStatus[Status.SPAM.ordinal()], byStatus[Status.DELETED.ordinal()]);
    }

    /** Counts the connections taken: the store takes one per call, so one per transaction. */
    private static final class CountingDataSource implements DataSource {
        private final DataSource target;
        private final AtomicInteger count = new AtomicInteger();

        CountingDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            count.incrementAndGet();
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            count.incrementAndGet();
            return target.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || target.isWrapperFor(type);
        }
    }
}
