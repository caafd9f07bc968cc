package dev.parley.examples;

import dev.parley.examples.web.LoginAttempts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link LoginAttempts} in the demo's database, table {@value #TABLE} (created by the demo's migration V2), so
 * every instance over the database throttles logins together.
 *
 * <p>An insert is refused by the primary key when the key exists; a replace is one
 * {@code UPDATE ... WHERE attempt_key = ? AND row_version = ?}. Both are single statements in auto-commit mode,
 * atomic on every supported database, so two instances never both count from the same entry.
 *
 * <p>Thread-safe: every call takes a pooled connection.
 */
public final class JdbcLoginAttempts implements LoginAttempts {

    /** The table. */
    public static final String TABLE = "parley_demo_login_attempt";

    private static final String COLUMNS = "attempts, blocked_until_micros, last_micros, row_version";

    private final DataSource dataSource;

    /**
     * Uses the table in a database the demo's migrations ran on ({@link JdbcPostStore#create} runs them).
     *
     * @param dataSource the demo's database
     */
    public JdbcLoginAttempts(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<Entry> find(String key) {
        Objects.requireNonNull(key, "key");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE attempt_key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Entry(rows.getInt(1), JdbcTime.instant(rows.getLong(2)),
                        JdbcTime.instant(rows.getLong(3)), rows.getLong(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw JdbcTime.failure("read the login attempts", e);
        }
    }

    @Override
    public boolean insert(String key, Entry entry) {
        Objects.requireNonNull(entry, "entry");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + TABLE + " (attempt_key, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, Objects.requireNonNull(key, "key"));
            insert.setInt(2, entry.attempts());
            insert.setLong(3, JdbcTime.micros(entry.blockedUntil()));
            insert.setLong(4, JdbcTime.micros(entry.last()));
            insert.setLong(5, entry.version());
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            // Another instance inserted the key first and the primary key refused this row: every database says
            // so differently, so asking again is how it is understood alike.
            if (find(key).isPresent()) {
                return false;
            }
            throw JdbcTime.failure("count a login attempt", e);
        }
    }

    @Override
    public boolean replace(String key, long expectedVersion, Entry entry) {
        Objects.requireNonNull(entry, "entry");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
                        + " SET attempts = ?, blocked_until_micros = ?, last_micros = ?, row_version = ?"
                        + " WHERE attempt_key = ? AND row_version = ?")) {
            update.setInt(1, entry.attempts());
            update.setLong(2, JdbcTime.micros(entry.blockedUntil()));
            update.setLong(3, JdbcTime.micros(entry.last()));
            update.setLong(4, entry.version());
            update.setString(5, Objects.requireNonNull(key, "key"));
            update.setLong(6, expectedVersion);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw JdbcTime.failure("count a login attempt", e);
        }
    }

    @Override
    public void delete(String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + TABLE + " WHERE attempt_key = ?")) {
            delete.setString(1, Objects.requireNonNull(key, "key"));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw JdbcTime.failure("reset the login attempts", e);
        }
    }

    @Override
    public void forgetBefore(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + TABLE + " WHERE last_micros < ?")) {
            delete.setLong(1, JdbcTime.micros(Objects.requireNonNull(cutoff, "cutoff")));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw JdbcTime.failure("forget old login attempts", e);
        }
    }
}
