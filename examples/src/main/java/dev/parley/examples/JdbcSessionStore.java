package dev.parley.examples;

import dev.parley.examples.web.SessionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link SessionStore} in the demo's database, table {@value #TABLE} (created by the demo's migration V2), so a
 * moderator's session is valid on every instance over the database, and a logout on one ends it on all.
 *
 * <p>Thread-safe: every call takes a pooled connection and is one statement.
 */
public final class JdbcSessionStore implements SessionStore {

    /** The table. */
    public static final String TABLE = "parley_demo_admin_session";

    private final DataSource dataSource;

    /**
     * Uses the table in a database the demo's migrations ran on ({@link JdbcPostStore#create} runs them).
     *
     * @param dataSource the demo's database
     */
    public JdbcSessionStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public void create(String idHash, Entry entry) {
        Objects.requireNonNull(entry, "entry");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                        + " (id_hash, password_generation, created_micros, expires_micros) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, Objects.requireNonNull(idHash, "idHash"));
            insert.setString(2, entry.passwordGeneration());
            insert.setLong(3, JdbcTime.micros(entry.created()));
            insert.setLong(4, JdbcTime.micros(entry.expires()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw JdbcTime.failure("store a moderator session", e);
        }
    }

    @Override
    public Optional<Entry> find(String idHash) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT password_generation, created_micros,"
                        + " expires_micros FROM " + TABLE + " WHERE id_hash = ?")) {
            select.setString(1, Objects.requireNonNull(idHash, "idHash"));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Entry(rows.getString(1), JdbcTime.instant(rows.getLong(2)),
                        JdbcTime.instant(rows.getLong(3)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw JdbcTime.failure("read a moderator session", e);
        }
    }

    @Override
    public void delete(String idHash) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE id_hash = ?")) {
            delete.setString(1, Objects.requireNonNull(idHash, "idHash"));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw JdbcTime.failure("end a moderator session", e);
        }
    }

    @Override
    public void purge(Instant now, String currentGeneration) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE
                        + " WHERE expires_micros <= ? OR password_generation <> ?")) {
            delete.setLong(1, JdbcTime.micros(Objects.requireNonNull(now, "now")));
            delete.setString(2, Objects.requireNonNull(currentGeneration, "currentGeneration"));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw JdbcTime.failure("end old moderator sessions", e);
        }
    }
}
