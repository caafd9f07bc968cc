package dev.parley.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On a real PostgreSQL server the tests start themselves; see {@link PostgresServer}. */
@DisplayName("The queries of a thread page on PostgreSQL read their indexes without sorting")
class ThreadPagePlansPostgresTest extends ThreadPagePlans {

    @RegisterExtension
    static final PostgresDatabase POSTGRES = new PostgresDatabase();

    @Override
    DataSource dataSource() {
        return POSTGRES.dataSource();
    }
}
