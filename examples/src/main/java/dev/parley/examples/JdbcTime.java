package dev.parley.examples;

import dev.parley.storage.StoreException;
import java.sql.SQLException;
import java.time.Instant;

/** What the demo's JDBC tables share: times as microseconds since the epoch, and one failure message. */
final class JdbcTime {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private JdbcTime() {
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                instant.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1_000);
    }

    static StoreException failure(String action, SQLException e) {
        return new StoreException("could not " + action + ": " + e.getMessage() + " (SQLState " + e.getSQLState()
                + ")", e);
    }
}
