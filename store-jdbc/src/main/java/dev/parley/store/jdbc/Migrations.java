package dev.parley.store.jdbc;

import dev.parley.storage.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema up to the version this store needs, with Flyway and the SQL migrations under
 * {@code parley-store-jdbc/migration/<database>/} on the class path.
 *
 * <p>Flyway was chosen over Liquibase because the migrations are plain SQL files, one folder per database,
 * which a DBA can read and review as they are; because it serializes concurrent migrations with a database
 * lock, so several instances may start at once; and because it is one small jar with no XML or YAML
 * change-log format to learn. Liquibase 5 is also no longer under an open-source licence.
 */
final class Migrations {

    static final String HISTORY_TABLE = "parley_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    static void migrate(DataSource dataSource, Dialect dialect) {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(dialect.migrationLocation())
                    .placeholders(placeholders(dataSource, dialect))
                    .javaMigrations(new EmailHashBackfill())
                    .table(HISTORY_TABLE)
                    // A database holding other tables (the host's) but no history gets one at version 0, so
                    // every migration runs; a comment table made before migrations existed is exactly version 1.
                    .baselineOnMigrate(true)
                    .baselineVersion(hasLegacyCommentTable(dataSource) ? "1" : "0")
                    .baselineDescription("before Parley migrations")
                    .validateMigrationNaming(true)
                    .loggers("slf4j")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("Migrated the Parley schema to version {} ({} migrations)", result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new StoreException("could not migrate the comment schema: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> placeholders(DataSource dataSource, Dialect dialect) {
        try (Connection connection = dataSource.getConnection()) {
            return dialect.migrationPlaceholders(connection.getMetaData());
        } catch (SQLException e) {
            throw SqlFailures.wrap("read the database's metadata", e);
        }
    }

    /** Whether the comment table exists without the history table: made by the store before migrations. */
    private static boolean hasLegacyCommentTable(DataSource dataSource) {
        return tableExists(dataSource, "parley_comment") && !tableExists(dataSource, HISTORY_TABLE);
    }

    private static boolean tableExists(DataSource dataSource, String table) {
        // A query rather than DatabaseMetaData: identifier case and schema search paths differ by database.
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
