package dev.parley.store.jdbc;

import dev.parley.storage.StoreException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Named secrets kept in the database (the table {@code parley_secret}), so that every application instance
 * over it signs with the same key: edit tokens issued by one instance are accepted by another, and so are
 * session cookies.
 *
 * <p>{@link #getOrCreate(String, Supplier)} stores a secret once: of instances starting together, the first
 * insert wins and every instance reads the winner's value. A secret never changes afterwards; to rotate one,
 * delete its row while every instance is stopped.
 *
 * <p>The secrets are as safe as the database: whoever can read the table can forge tokens. They are stored
 * base64-encoded, not encrypted.
 *
 * <p>Thread-safe: holds no mutable state and takes a connection per call.
 */
public final class JdbcSecrets {

    /** The longest secret stored, in bytes. */
    public static final int MAX_SECRET_BYTES = 512;

    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,64}");

    private final DataSource dataSource;
    private final Clock clock;

    private JdbcSecrets(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Returns the secrets on {@code dataSource}, first bringing the schema up to date (the same migrations as
     * {@link JdbcCommentStore#create(DataSource)}).
     *
     * @param dataSource where to take connections from; auto-commit on
     * @return the secrets
     * @throws StoreException if the database is not supported or the schema cannot be migrated
     */
    public static JdbcSecrets create(DataSource dataSource) {
        Schema.prepare(dataSource);
        return new JdbcSecrets(dataSource, Clock.systemUTC());
    }

    /**
     * The secret named {@code name}, stored first with the bytes {@code initial} gives if there is none.
     * {@code initial} is called only when the secret is absent, and its value is discarded if another
     * instance stored one first.
     *
     * @param name 1 to 64 characters of {@code [a-z0-9._-]}, e.g. {@code "edit-token"}
     * @param initial the value to store when absent, 16 to {@value #MAX_SECRET_BYTES} bytes
     * @return the stored secret, the same in every instance
     * @throws IllegalArgumentException if the name or the initial value is out of range
     * @throws StoreException if the database fails
     */
    public byte[] getOrCreate(String name, Supplier<byte[]> initial) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(initial, "initial must not be null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("secret name must be 1 to 64 characters of a-z, 0-9, '.', '_', '-',"
                    + " was \"" + name + "\"");
        }
        Optional<byte[]> stored = read(name);
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] fresh = Objects.requireNonNull(initial.get(), "initial secret must not be null");
        if (fresh.length < 16 || fresh.length > MAX_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "secret must be 16 to " + MAX_SECRET_BYTES + " bytes, was " + fresh.length);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO parley_secret (name, secret_value, created_micros) VALUES (?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, Base64.getEncoder().encodeToString(fresh));
            insert.setLong(3, Schema.micros(clock.instant()));
            insert.executeUpdate();
            return fresh.clone();
        } catch (SQLException e) {
            if (!SqlFailures.isUniqueViolation(e)) {
                throw SqlFailures.wrap("store secret " + name, e);
            }
        }
        // Another instance stored it between our read and our insert: theirs is the one.
        return read(name).orElseThrow(() -> new StoreException("secret " + name + " vanished while being created"));
    }

    /**
     * A random secret of {@code bytes} bytes from a {@link SecureRandom}, for {@link #getOrCreate}.
     *
     * @param bytes how many bytes
     * @return a supplier of fresh random bytes
     */
    public static Supplier<byte[]> random(int bytes) {
        return () -> {
            byte[] secret = new byte[bytes];
            new SecureRandom().nextBytes(secret);
            return secret;
        };
    }

    private Optional<byte[]> read(String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT secret_value FROM parley_secret WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(Base64.getDecoder().decode(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlFailures.wrap("read secret " + name, e);
        }
    }
}
