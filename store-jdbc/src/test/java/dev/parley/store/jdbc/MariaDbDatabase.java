package dev.parley.store.jdbc;

/**
 * A JUnit 5 extension giving a test class its own database on a real MariaDB server (one
 * {@link MariaDbServer} for the whole run), with a small connection pool. Register it as a static field:
 * {@code @RegisterExtension static final MariaDbDatabase MARIADB = new MariaDbDatabase();}.
 */
public final class MariaDbDatabase extends ServerDatabase {

    /** Creates the extension. */
    public MariaDbDatabase() {
        super("MariaDB", MariaDbServer.class, MariaDbServer::start);
    }
}
