package dev.parley.store.jdbc;

import java.sql.SQLException;

/** A throwaway database server the tests start themselves ({@link PostgresServer}, {@link MariaDbServer}). */
public interface TestServer extends AutoCloseable {

    /**
     * Creates an empty database, dropping one of the same name first.
     *
     * @param name the database name
     * @return its JDBC URL
     * @throws SQLException if the server refuses
     */
    String createDatabase(String name) throws SQLException;

    /**
     * The user the tests connect as.
     *
     * @return the user name
     */
    String user();
}
