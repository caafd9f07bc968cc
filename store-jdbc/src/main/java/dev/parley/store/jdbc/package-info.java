/**
 * {@link dev.parley.store.jdbc.JdbcCommentStore}: the {@link dev.parley.storage.CommentStore} SPI on plain JDBC,
 * for PostgreSQL, MariaDB/MySQL and the embedded SQLite and H2, with its schema kept by versioned migrations.
 *
 * <p>Only {@code JdbcCommentStore} is public; the other types of this package (SQL dialects, row mapping,
 * the attributes and provenance encodings, the batch insert) are package-private implementation details and not
 * API.
 */
@NullMarked
package dev.parley.store.jdbc;

import org.jspecify.annotations.NullMarked;
