package dev.parley.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What the store's entry points ({@link JdbcCommentStore}, {@link JdbcJobQueue}, {@link JdbcSecrets}) share
 * before their first query: detecting the database, making sure what they acknowledge is durable (SQLite's
 * WAL mode and busy timeout, H2's {@code WRITE_DELAY} 0), bringing its schema up to date; and the timestamp
 * encoding of every table. Stateless and thread-safe.
 */
final class Schema {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private Schema() {
    }

    /**
     * Detects the database behind {@code dataSource}, requires or sets what makes its commits durable, and
     * migrates its schema to the current version.
     *
     * @throws dev.parley.storage.StoreException if the database is unsupported, unreachable, not durable as
     *     configured (a SQLite database outside WAL mode, say), or cannot be migrated
     */
    static Dialect prepare(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "data source must not be null");
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = Dialect.of(connection.getMetaData());
        } catch (SQLException e) {
            throw SqlFailures.wrap("connect to the database", e);
        }
        if (dialect == Dialect.SQLITE) {
            SqliteSettings.require(dataSource);
        }
        try (Connection connection = dataSource.getConnection()) {
            dialect.requireDurableCommits(connection);
        } catch (SQLException e) {
            throw SqlFailures.wrap("make commits durable (on H2: SET WRITE_DELAY 0, which needs an administrator;"
                    + " or add ;WRITE_DELAY=0 to the URL)", e);
        }
        Migrations.migrate(dataSource, dialect);
        return dialect;
    }

    /**
     * Microseconds since the epoch: exact for every instant a {@code Comment} or job holds (microsecond
     * precision, years 1 to 9999), and the same on every database, unlike the engines' timestamp types.
     */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1_000);
    }
}
