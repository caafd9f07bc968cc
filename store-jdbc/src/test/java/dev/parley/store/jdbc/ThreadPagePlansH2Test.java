package dev.parley.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The queries of a thread page on H2 read their indexes without sorting")
class ThreadPagePlansH2Test extends ThreadPagePlans {

    private final JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:parley-plans;DB_CLOSE_DELAY=-1",
            "sa", "");

    @Override
    DataSource dataSource() {
        return pool;
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } finally {
            pool.dispose();
        }
    }
}
