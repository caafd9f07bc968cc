package dev.parley.store.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On a real MariaDB server the tests start themselves; see {@link MariaDbServer}. */
@DisplayName("The queries of a thread page on MariaDB read their indexes without sorting")
class ThreadPagePlansMariaDbTest extends ThreadPagePlans {

    @RegisterExtension
    static final MariaDbDatabase MARIADB = new MariaDbDatabase();

    @Override
    DataSource dataSource() {
        return MARIADB.dataSource();
    }
}
