package dev.parley.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("JdbcSecrets")
class JdbcSecretsTest {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @RegisterExtension
    static final MariaDbDatabase MARIADB = new MariaDbDatabase();

    @TempDir
    static Path directory;

    private static JdbcConnectionPool h2;
    private static HikariDataSource sqlite;

    @BeforeAll
    static void openH2() {
        h2 = JdbcConnectionPool.create("jdbc:h2:mem:parley-secrets;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
        sqlite = JdbcCommentStoreSqliteTest.pool(JdbcCommentStoreSqliteTest.url(directory.resolve("secrets.db"),
                SqliteSettings.URL_PARAMETERS));
    }

    @AfterAll
    static void closeH2() throws SQLException {
        JdbcJobQueues.shutdown(h2);
        sqlite.close();
    }

    static Stream<String> databases() {
        return Stream.of("H2", "PostgreSQL", "MariaDB", "SQLite");
    }

    private static DataSource database(String name) {
        return switch (name) {
            case "H2" -> h2;
            case "PostgreSQL" -> POSTGRES.dataSource();
            case "MariaDB" -> MARIADB.dataSource();
            default -> sqlite;
        };
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("databases")
    @DisplayName("a secret is stored once and read back by every later call, whatever they would have stored")
    void storedOnce(String database) {
        JdbcSecrets secrets = JdbcSecrets.create(database(database));
        byte[] first = secrets.getOrCreate("once-" + database.length(), JdbcSecrets.random(32));
        AtomicInteger asked = new AtomicInteger();

        byte[] again = JdbcSecrets.create(database(database)).getOrCreate("once-" + database.length(), () -> {
            asked.incrementAndGet();
            return new byte[32];
        });

        assertThat(again).isEqualTo(first).hasSize(32);
        assertThat(asked).as("the initial value is not made when the secret exists").hasValue(0);
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("databases")
    @DisplayName("of 8 instances creating one secret at once, each with its own random value, all agree on one")
    void racingCreatorsAgree(String database) throws Exception {
        List<JdbcSecrets> instances = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            instances.add(JdbcSecrets.create(database(database)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(instances.size());
        try {
            for (int round = 0; round < 5; round++) {
                String name = "race-" + round;
                CyclicBarrier start = new CyclicBarrier(instances.size());
                List<Future<byte[]>> results = new ArrayList<>();
                for (JdbcSecrets secrets : instances) {
                    results.add(threads.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return secrets.getOrCreate(name, JdbcSecrets.random(32));
                    }));
                }
                Set<String> values = new HashSet<>();
                for (Future<byte[]> result : results) {
                    values.add(java.util.HexFormat.of().formatHex(result.get(60, TimeUnit.SECONDS)));
                }
                assertThat(values).as("round %d: the values the instances got", round).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("databases")
    @DisplayName("a bad name or a secret shorter than 16 bytes is refused")
    void misuse(String database) {
        JdbcSecrets secrets = JdbcSecrets.create(database(database));
        assertThatThrownBy(() -> secrets.getOrCreate("Bad Name", JdbcSecrets.random(32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> secrets.getOrCreate("short", JdbcSecrets.random(8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16");
    }
}
