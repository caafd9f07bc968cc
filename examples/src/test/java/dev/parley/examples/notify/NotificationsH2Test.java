package dev.parley.examples.notify;

import dev.parley.store.jdbc.JdbcCommentStore;
import dev.parley.store.jdbc.JdbcJobQueue;
import dev.parley.store.jdbc.JdbcSubscriptions;
import java.time.Clock;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Notifications over SMTP on the JDBC store over H2")
class NotificationsH2Test extends NotificationsEndToEndContract {

    private JdbcConnectionPool pool;

    @Override
    protected Backend emptyBackend(Clock clock) {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:notify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        return new Backend(JdbcCommentStore.create(pool), JdbcJobQueue.create(pool, clock),
                JdbcSubscriptions.create(pool));
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } finally {
            pool.dispose();
        }
    }
}
