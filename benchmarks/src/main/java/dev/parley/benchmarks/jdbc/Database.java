package dev.parley.benchmarks.jdbc;

/**
 * The databases the JDBC benchmarks run {@code JdbcCommentStore} on, one JMH {@code @Param} value each; every
 * one starts fresh for a trial and is gone after it (see {@link DatabaseServer}).
 *
 * <p>PostgreSQL and MariaDB are store-jdbc's throwaway test servers ({@code PostgresServer},
 * {@code MariaDbServer} in its test-jar), run from the machine's own binaries on loopback, with the durability
 * those servers choose for tests: PostgreSQL with {@code fsync} and {@code synchronous_commit} off, MariaDB
 * flushing its redo log about once a second. A write there costs a round trip and the server's work, not a
 * disk flush; the figures compare the store's SQL on each database, not the machine's disk.
 */
public enum Database {

    /** Embedded H2 in memory: no disk, no network, no server process. */
    H2_MEMORY,

    /**
     * Embedded H2 in a file, as the demo runs it by default, with {@code WRITE_DELAY=0} so that each commit
     * is written to the file before it returns.
     */
    H2_FILE,

    /** Embedded SQLite in a file, in WAL mode with {@code synchronous=NORMAL}, as the demo runs it. */
    SQLITE_FILE,

    /** PostgreSQL over loopback, store-jdbc's test cluster. */
    POSTGRESQL,

    /** MariaDB over loopback, store-jdbc's test server. */
    MARIADB
}
