/**
 * Benchmarks of {@code JdbcCommentStore} on each supported database: embedded H2 in memory and in a file,
 * PostgreSQL and MariaDB (store-jdbc's throwaway test servers, one started per trial and stopped after it).
 * The roots page read at two thread sizes in the same run, alone and side by side, and posting through the
 * engine with the in-memory store as the floor. Not API, never deployed.
 */
package dev.parley.benchmarks.jdbc;
