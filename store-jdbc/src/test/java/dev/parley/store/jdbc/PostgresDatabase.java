package dev.parley.store.jdbc;

/**
 * A JUnit 5 extension giving a test class its own database on a real PostgreSQL server (one
 * {@link PostgresServer} for the whole run), with a small connection pool. Register it as a static field:
 * {@code @RegisterExtension static final PostgresDatabase POSTGRES = new PostgresDatabase();}.
 */
public final class PostgresDatabase extends ServerDatabase {

    /** Creates the extension. */
    public PostgresDatabase() {
        super("PostgreSQL", PostgresServer.class, PostgresServer::start);
    }
}
