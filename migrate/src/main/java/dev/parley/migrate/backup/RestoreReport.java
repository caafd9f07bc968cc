package dev.parley.migrate.backup;

/**
 * What a restore did, or in a dry run would do.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dryRun true if nothing was written
 * @param read comments read from the backup
 * @param inserted comments the store did not hold, inserted as the backup has them, version included
 * @param updated comments the store held with other values in fields an update may change (status, text,
 *     author, ...), updated in place
 * @param replaced comments the store held with other values in fields fixed at insert (thread, parent, kind,
 *     creation time, ...), deleted and inserted anew
 * @param unchanged comments the store held with the backup's values, versions aside: left as they are
 */
public record RestoreReport(boolean dryRun, long read, long inserted, long updated, long replaced, long unchanged) {
}
