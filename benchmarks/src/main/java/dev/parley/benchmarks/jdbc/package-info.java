/**
 * Benchmarks of {@code JdbcCommentStore} on embedded H2: the roots page read at two thread sizes, same run.
 * Not API, never deployed.
 */
package dev.parley.benchmarks.jdbc;
