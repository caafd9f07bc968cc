package dev.parley.examples.notify;

import dev.parley.store.jdbc.JdbcCommentStore;
import dev.parley.store.jdbc.JdbcJobQueue;
import dev.parley.store.jdbc.JdbcSubscriptions;
import dev.parley.store.jdbc.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On a real PostgreSQL server the tests start themselves (PostgresServer); its tables, the flood-control keys
 * included, are emptied per test.
 */
@DisplayName("Notifications over SMTP on the JDBC store over PostgreSQL")
class NotificationsPostgresTest extends NotificationsEndToEndContract {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    protected Backend emptyBackend(Clock clock) {
        DataSource dataSource = POSTGRES.dataSource();
        Backend backend = new Backend(JdbcCommentStore.create(dataSource), JdbcJobQueue.create(dataSource, clock),
                JdbcSubscriptions.create(dataSource));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("TRUNCATE parley_comment, parley_quiet_key, parley_job, parley_subscription_address,"
                    + " parley_subscription_watch, parley_subscription_mute");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the tables", e);
        }
        return backend;
    }
}
