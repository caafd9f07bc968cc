package dev.parley.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.storage.CommentStore;
import dev.parley.storage.StoreException;
import dev.parley.storage.tck.CommentStoreContract;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Runs on a SQLite file in a temporary directory, in WAL mode, through a HikariCP pool. */
@DisplayName("JdbcCommentStore on SQLite")
class JdbcCommentStoreSqliteTest extends CommentStoreContract {

    private static final int POOL_SIZE = 16;

    @TempDir
    static Path directory;

    private static HikariDataSource pool;

    @BeforeAll
    static void openDatabase() {
        pool = pool(url(directory.resolve("parley.db"), SqliteSettings.URL_PARAMETERS));
    }

    @AfterAll
    static void closeDatabase() {
        pool.close();
    }

    static String url(Path file, String parameters) {
        return "jdbc:sqlite:" + file.toAbsolutePath() + (parameters.isEmpty() ? "" : "?" + parameters);
    }

    static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(POOL_SIZE);
        return new HikariDataSource(config);
    }

    @Override
    protected CommentStore createStore() {
        return JdbcStoreBehaviour.emptyStore(pool);
    }

    @Nested
    @DisplayName("JDBC specifics")
    class Jdbc extends JdbcStoreBehaviour {
        @Override
        DataSource dataSource() {
            return pool;
        }
    }

    @Nested
    @DisplayName("SQLite specifics")
    class Sqlite {

        /** The driver's own data source in WAL mode; it takes its settings from the config, not the URL. */
        private static DataSource configured(Path file, int busyTimeoutMillis) {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setBusyTimeout(busyTimeoutMillis);
            SQLiteDataSource dataSource = new SQLiteDataSource(config);
            dataSource.setUrl(url(file, ""));
            return dataSource;
        }

        @Test
        @DisplayName("a database not in WAL mode is refused, with the URL that opens it in WAL mode")
        void rollbackJournalIsRefused(@TempDir Path elsewhere) {
            SQLiteDataSource plain = new SQLiteDataSource();
            plain.setUrl(url(elsewhere.resolve("plain.db"), ""));

            assertThatThrownBy(() -> JdbcCommentStore.create(plain))
                    .isExactlyInstanceOf(StoreException.class)
                    .hasMessageContaining("journal mode delete")
                    .hasMessageContaining("journal_mode=WAL");
        }

        @Test
        @DisplayName("connections without a busy timeout are refused, with the URL that sets one")
        void missingBusyTimeoutIsRefused(@TempDir Path elsewhere) {
            DataSource noWait = configured(elsewhere.resolve("nowait.db"), 0);

            assertThatThrownBy(() -> JdbcCommentStore.create(noWait))
                    .isExactlyInstanceOf(StoreException.class)
                    .hasMessageContaining("no busy timeout")
                    .hasMessageContaining("busy_timeout=10000");
        }

        @Test
        @DisplayName("a write that met another connection's write lock past the busy timeout counts as transient")
        void busyIsTransient(@TempDir Path elsewhere) throws SQLException {
            DataSource shortWait = configured(elsewhere.resolve("busy.db"), 1);
            try (Connection holder = shortWait.getConnection(); Statement hold = holder.createStatement();
                    Connection other = shortWait.getConnection(); Statement write = other.createStatement()) {
                hold.execute("CREATE TABLE t (x INTEGER)");
                hold.execute("BEGIN IMMEDIATE");
                try {
                    assertThatThrownBy(() -> write.execute("INSERT INTO t VALUES (1)"))
                            .isInstanceOfSatisfying(SQLException.class,
                                    e -> assertThat(SqlFailures.isTransient(e)).as(e.getMessage()).isTrue());
                } finally {
                    hold.execute("ROLLBACK");
                }
            }
        }
    }
}
