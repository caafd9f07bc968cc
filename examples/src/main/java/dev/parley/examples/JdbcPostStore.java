package dev.parley.examples;

import dev.parley.storage.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The demo's posts in its database, table {@value #TABLE}, beside Parley's own tables: every instance over the
 * database sees the same posts, and they survive restarts.
 *
 * <p>The table belongs to the demo, not to {@code parley-store-jdbc}: it is created by the demo's own Flyway
 * migrations ({@code parley-examples/migration/<database>/} on the class path), recorded in their own history
 * table {@value #HISTORY_TABLE}, so the store's migrations and the demo's never interleave. Flyway serializes
 * instances that start together with a database lock. H2, PostgreSQL, MariaDB, MySQL and SQLite are supported.
 *
 * <p>Thread-safe: every call takes a pooled connection in auto-commit mode and is one statement (an insert that
 * loses a race to the primary key reports the slug as taken).
 */
public final class JdbcPostStore implements PostStore {

    /** The posts table. */
    public static final String TABLE = "parley_demo_post";
    /** The Flyway history table of the demo's migrations. */
    public static final String HISTORY_TABLE = "parley_demo_schema_history";

    private static final String COLUMNS =
            "slug, title, author, author_user_id, body, published_micros, updated_micros, deleted";
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final DataSource dataSource;

    private JdbcPostStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens the store, creating or migrating the posts table first.
     *
     * @param dataSource the demo's database
     * @return the store
     * @throws StoreException if the database is unsupported or cannot be migrated
     */
    public static JdbcPostStore create(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        migrate(dataSource);
        return new JdbcPostStore(dataSource);
    }

    @Override
    public Optional<Post> find(String slug) {
        Objects.requireNonNull(slug, "slug");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE slug = ?")) {
            select.setString(1, slug);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(post(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the post " + slug, e);
        }
    }

    @Override
    public List<Post> all() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY published_micros DESC, slug");
                ResultSet rows = select.executeQuery()) {
            List<Post> posts = new ArrayList<>();
            while (rows.next()) {
                posts.add(post(rows));
            }
            return List.copyOf(posts);
        } catch (SQLException e) {
            throw failure("list the posts", e);
        }
    }

    @Override
    public boolean insert(Post post) {
        if (find(post.slug()).isPresent()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, post.slug());
            insert.setString(2, post.title());
            insert.setString(3, post.author());
            insert.setString(4, post.authorUserId());
            insert.setString(5, post.body());
            insert.setLong(6, micros(post.publishedAt()));
            insert.setLong(7, micros(post.updatedAt()));
            insert.setInt(8, post.deleted() ? 1 : 0);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            // Another writer took the slug between the check and the insert: the primary key refused this one.
            // Asking again is how every database's way of saying so is understood alike.
            if (find(post.slug()).isPresent()) {
                return false;
            }
            throw failure("insert the post " + post.slug(), e);
        }
    }

    @Override
    public boolean update(Post post) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
                        + " SET title = ?, body = ?, updated_micros = ?, deleted = ? WHERE slug = ? AND deleted = 0")) {
            update.setString(1, post.title());
            update.setString(2, post.body());
            update.setLong(3, micros(post.updatedAt()));
            update.setInt(4, post.deleted() ? 1 : 0);
            update.setString(5, post.slug());
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("update the post " + post.slug(), e);
        }
    }

    private static Post post(ResultSet rows) throws SQLException {
        return new Post(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), instant(rows.getLong(6)), instant(rows.getLong(7)), rows.getInt(8) != 0);
    }

    private static void migrate(DataSource dataSource) {
        String folder;
        try (Connection connection = dataSource.getConnection()) {
            folder = migrationFolder(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw failure("connect to the database", e);
        }
        try {
            Flyway.configure(JdbcPostStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:parley-examples/migration/" + folder)
                    .table(HISTORY_TABLE)
                    // The database already holds Parley's tables: without a history of its own, the demo's
                    // schema starts at version 0 and every migration runs.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("before the demo posts table")
                    .validateMigrationNaming(true)
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("could not migrate the demo's posts table: " + e.getMessage(), e);
        }
    }

    /** The folder of a database's migrations, by the product name its driver reports. */
    static String migrationFolder(String product) {
        return switch (product.toLowerCase(Locale.ROOT)) {
            case "h2" -> "h2";
            case "postgresql" -> "postgresql";
            case "mariadb", "mysql" -> "mysql";
            case "sqlite" -> "sqlite";
            default -> throw new StoreException(
                    "the demo's posts run on H2, PostgreSQL, MariaDB, MySQL and SQLite, not " + product);
        };
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1_000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1_000);
    }

    private static StoreException failure(String action, SQLException e) {
        return new StoreException("could not " + action + ": " + e.getMessage() + " (SQLState " + e.getSQLState()
                + ")", e);
    }
}
