package dev.parley.migrate.backup;

import dev.parley.migrate.ImportFormatException;
import dev.parley.migrate.ImportProgress;
import dev.parley.migrate.ImportSource;
import dev.parley.migrate.internal.ProgressPacer;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Restores a backup written by {@link BackupWriter} into a store, plain or gzip-compressed.
 *
 * <p><b>Pass 1</b> reads and checks the whole file without writing: the header's format and version, every line
 * a comment Parley can store, no id and no linkback (thread and source URL) twice, the footer present with the
 * right count, and, once the file is read, every tree whole: a root is its own root, and a reply's parent is in
 * the backup, in the same thread, with the same root, at one depth less. Any problem is an
 * {@link ImportFormatException} with its line and column, and nothing has been written. For the repeats and the
 * trees it keeps 128-bit hashes, never the strings: 69 bytes per comment in arrays that double as they fill (so
 * at most 138 allocated) plus 8 to 16 bytes of hash-table slots, and for each linkback 16 bytes more (at most 32)
 * plus 8 to 16 of slots; nothing else grows with the file.
 *
 * <p><b>Pass 2</b> reads the file again and writes it in batches of up to {@link CommentStore#MAX_BATCH},
 * looking each batch up with {@link CommentStore#findAll}:
 * <ul>
 *   <li>a comment the store does not hold is inserted as the backup has it, its version included: restoring
 *       into an empty store reproduces the store the backup was taken of exactly;</li>
 *   <li>one the store holds with the same values, versions aside, is left alone, so restoring a file twice
 *       changes nothing the second time;</li>
 *   <li>one that differs only in fields an update may change is updated in place, by compare-and-set on the
 *       stored version, which the store then counts up by one: a version never goes back, so a stale
 *       compare-and-set by the application cannot succeed after a restore;</li>
 *   <li>one that differs in a field fixed at insert (thread, parent, root, depth, in-reply-to, kind, linkback
 *       source URL, creation time) is deleted and inserted anew, with the greater of the backup's version and
 *       the stored version plus one, for the same reason.</li>
 * </ul>
 * Each batch's inserts are one {@link CommentStore#insertAll} call, all or none; if it fails, the comments of
 * the batch deleted for replacement are inserted back and the failure is thrown. Batches written before stay
 * written: a failure in pass 2 (the store refusing a linkback that another stored comment holds, a concurrent
 * update, an outage) leaves a partial restore, which running the restore again completes. The file must not
 * change between the passes.
 *
 * <p>A dry run does both passes and writes nothing: its report says what a restore would do.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}.
 */
public final class BackupReader {

    private final boolean dryRun;
    private final int batchSize;
    private final Clock clock;

    private BackupReader(Builder builder) {
        this.dryRun = builder.dryRun;
        this.batchSize = builder.batchSize;
        this.clock = builder.clock;
    }

    /**
     * Returns a builder with the defaults: not a dry run, batches of {@value CommentStore#MAX_BATCH}, the
     * system clock.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Restores a backup.
     *
     * @param source the backup file, plain or gzip
     * @param store the store to write into
     * @param progress what receives progress: phase {@link ImportProgress.Phase#CHECKING} for pass 1,
     *     {@link ImportProgress.Phase#WRITING} for pass 2, with the bytes read of the file
     * @return what was done, or in a dry run would be done
     * @throws ImportFormatException if the file is not a complete, valid backup; nothing was written then
     * @throws UncheckedIOException if the file cannot be read
     * @throws dev.parley.storage.StoreException if the store fails or refuses a write in pass 2
     */
    public RestoreReport restore(ImportSource source, CommentStore store, ImportProgress.Listener progress) {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(store, "store must not be null");
        ProgressPacer pacer = new ProgressPacer(progress, clock);
        long read = check(source, pacer);
        return write(source, store, pacer, read);
    }

    private long check(ImportSource source, ProgressPacer pacer) {
        long total = source.size();
        TreeCheck trees = new TreeCheck();
        try (InputStream in = source.open(); BackupParser parser = BackupParser.open(in)) {
            parser.header();
            Comment comment;
            while ((comment = parser.next()) != null) {
                trees.add(comment, parser.line());
                long checked = parser.comments();
                pacer.progress(() -> new ImportProgress(ImportProgress.Phase.CHECKING, checked,
                        source.bytesRead(), total));
            }
            trees.check();
            pacer.finish(new ImportProgress(ImportProgress.Phase.CHECKING, parser.comments(), source.bytesRead(),
                    total));
            return parser.comments();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private RestoreReport write(ImportSource source, CommentStore store, ProgressPacer pacer, long read) {
        long total = source.size();
        Tally tally = new Tally();
        try (InputStream in = source.open(); BackupParser parser = BackupParser.open(in)) {
            parser.header();
            List<Comment> batch = new ArrayList<>(batchSize);
            Comment comment;
            while ((comment = parser.next()) != null) {
                batch.add(comment);
                if (batch.size() == batchSize) {
                    apply(store, batch, tally);
                    batch.clear();
                    long handled = parser.comments();
                    pacer.progress(() -> new ImportProgress(ImportProgress.Phase.WRITING, handled,
                            source.bytesRead(), total));
                }
            }
            apply(store, batch, tally);
            pacer.finish(new ImportProgress(ImportProgress.Phase.WRITING, parser.comments(), source.bytesRead(),
                    total));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return new RestoreReport(dryRun, read, tally.inserted, tally.updated, tally.replaced, tally.unchanged);
    }

    private void apply(CommentStore store, List<Comment> batch, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        List<CommentId> ids = new ArrayList<>(batch.size());
        for (Comment comment : batch) {
            ids.add(comment.id());
        }
        Map<CommentId, Comment> stored = store.findAll(ids);
        List<Comment> inserts = new ArrayList<>();
        List<Comment> replacedOld = new ArrayList<>();
        for (Comment comment : batch) {
            Comment current = stored.get(comment.id());
            if (current == null) {
                inserts.add(comment);
                tally.inserted++;
            } else if (comment.toBuilder().version(current.version()).build().equals(current)) {
                tally.unchanged++;
            } else if (fixedFieldsAgree(current, comment)) {
                if (!dryRun) {
                    store.update(comment.toBuilder().version(current.version()).build());
                }
                tally.updated++;
            } else {
                replacedOld.add(current);
                inserts.add(comment.toBuilder().version(Math.max(comment.version(), current.version() + 1)).build());
                tally.replaced++;
            }
        }
        if (dryRun) {
            return;
        }
        for (Comment old : replacedOld) {
            store.delete(old.id());
        }
        try {
            store.insertAll(inserts);
        } catch (RuntimeException e) {
            for (Comment old : replacedOld) {
                try {
                    store.insert(old);
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
    }

    private static boolean fixedFieldsAgree(Comment stored, Comment restored) {
        try {
            // The store's own rule for what an update may change, so this never disagrees with update().
            stored.requireSameFixedFields(restored);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final class Tally {
        long inserted;
        long updated;
        long replaced;
        long unchanged;
    }

    /**
     * Collects the options of a {@link BackupReader}; {@link #build()} checks them all at once.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private boolean dryRun;
        private int batchSize = CommentStore.MAX_BATCH;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets whether to write nothing, only check the file and compare it with the store.
         *
         * @param dryRun true for a dry run
         * @return this builder
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * Sets how many comments are looked up and inserted at a time.
         *
         * @param batchSize 1 to {@value CommentStore#MAX_BATCH}
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets the clock that paces progress reports.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return the reader
         * @throws IllegalArgumentException naming every bad option
         */
        public BackupReader build() {
            List<String> problems = new ArrayList<>();
            if (batchSize < 1 || batchSize > CommentStore.MAX_BATCH) {
                problems.add("batch size must be between 1 and " + CommentStore.MAX_BATCH + ", was " + batchSize);
            }
            if (clock == null) {
                problems.add("clock must not be null");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new BackupReader(this);
        }
    }
}
