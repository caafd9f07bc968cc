package dev.parley.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Test helper: subscriptions on emptied tables, for the contract's fresh instance before every test. */
final class SubscriptionTables {

    private SubscriptionTables() {
    }

    static JdbcSubscriptions empty(DataSource dataSource) {
        JdbcSubscriptions subscriptions = JdbcSubscriptions.create(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM parley_subscription_address");
            statement.executeUpdate("DELETE FROM parley_subscription_watch");
            statement.executeUpdate("DELETE FROM parley_subscription_mute");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the subscription tables", e);
        }
        return subscriptions;
    }
}
