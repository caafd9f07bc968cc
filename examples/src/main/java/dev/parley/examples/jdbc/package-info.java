/**
 * {@link dev.parley.examples.jdbc.JdbcCommentStore}: the {@link dev.parley.storage.CommentStore} SPI on plain
 * JDBC, for H2 and PostgreSQL, with its schema.
 *
 * <p>Only {@code JdbcCommentStore} is public; the other types of this package (SQL dialects, row mapping,
 * the attributes encoding) are package-private implementation details and not API.
 */
@NullMarked
package dev.parley.examples.jdbc;

import org.jspecify.annotations.NullMarked;
