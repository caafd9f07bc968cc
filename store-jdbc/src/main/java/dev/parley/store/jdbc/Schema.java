package dev.parley.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * What the store's entry points share before their first query: detecting the database and bringing its schema
 * up to date. Stateless and thread-safe.
 */
final class Schema {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private Schema() {
    }

    /** Detects the database behind {@code dataSource} and migrates its schema to the current version. */
    static Dialect migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "data source must not be null");
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = Dialect.of(connection.getMetaData());
        } catch (SQLException e) {
            throw SqlFailures.wrap("connect to the database", e);
        }
        Migrations.migrate(dataSource, dialect);
        return dialect;
    }

    /** Microseconds since the epoch, exact for every instant the store accepts. */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1_000);
    }
}
