/**
 * Reading Isso's comments: {@link dev.parley.migrate.isso.IssoReader}, which reads Isso's SQLite database,
 * read-only, row by row.
 */
@NullMarked
package dev.parley.migrate.isso;

import org.jspecify.annotations.NullMarked;
