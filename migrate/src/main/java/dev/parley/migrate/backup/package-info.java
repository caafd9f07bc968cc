/**
 * Parley's own backup: every field of every comment of a store as JSON lines, restored exactly.
 *
 * <p>A {@link dev.parley.migrate.backup.BackupWriter} writes a header line, one line per comment in the store's
 * scan order and a footer line that counts them; a {@link dev.parley.migrate.backup.BackupReader} checks the
 * whole file before it writes anything into a store.
 */
@NullMarked
package dev.parley.migrate.backup;

import org.jspecify.annotations.NullMarked;
