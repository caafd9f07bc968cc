package dev.parley.migrate.internal;

import dev.parley.migrate.ImportWarning;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.DuplicateCommentException;
import dev.parley.storage.DuplicateLinkbackException;
import dev.parley.storage.Kind;
import dev.parley.storage.VersionConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes imported comments in batches: one {@link CommentStore#findAll} to see which are stored already, one
 * {@link CommentStore#insertAll} for the new ones, and an update or a rewrite for each stored one whose source
 * changed. In a dry run it only compares and counts.
 *
 * <p>Not API. Not thread-safe.
 */
public final class StoreWriter {

    private final CommentStore store;
    private final boolean dryRun;
    private final int batchSize;
    private final ReportBuilder report;
    private final List<Comment> batch = new ArrayList<>();
    private final List<Consumer<ImportWarning>> warners = new ArrayList<>();
    /** The batch is written when it holds this many: the batch size, or a whole thread that fits one call. */
    private int limit;

    /**
     * Creates the writer.
     *
     * @param store the store
     * @param dryRun true to write nothing
     * @param batchSize comments per batch
     * @param report where counts go
     */
    public StoreWriter(CommentStore store, boolean dryRun, int batchSize, ReportBuilder report) {
        this.store = store;
        this.dryRun = dryRun;
        this.batchSize = batchSize;
        this.report = report;
        this.limit = batchSize;
    }

    /**
     * Announces a whole thread about to be written, so that its new comments go to the store in one
     * {@link CommentStore#insertAll} call, all or none: the batch queued so far is written first if the thread
     * would not fit beside it, and a thread of more than the batch size but at most
     * {@value CommentStore#MAX_BATCH} comments makes a batch of its own. A larger thread is written in batches.
     *
     * @param comments how many comments the thread has
     */
    public void startThread(int comments) {
        if (!batch.isEmpty() && batch.size() + comments > batchSize) {
            flush();
        }
        limit = comments <= CommentStore.MAX_BATCH ? Math.max(batchSize, comments) : batchSize;
    }

    /**
     * Queues a comment, writing the batch when it is full.
     *
     * @param comment the comment, version 0
     * @param warn where a warning about it goes
     */
    public void write(Comment comment, Consumer<ImportWarning> warn) {
        batch.add(comment);
        warners.add(warn);
        if (batch.size() >= limit) {
            flush();
        }
    }

    /** Writes what is queued. */
    public void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<CommentId> ids = new ArrayList<>(batch.size());
        for (Comment comment : batch) {
            ids.add(comment.id());
        }
        Map<CommentId, Comment> stored = store.findAll(ids);
        List<Comment> fresh = new ArrayList<>();
        for (Comment built : batch) {
            Comment existing = stored.get(built.id());
            if (existing == null) {
                fresh.add(built);
                report.inserted();
                continue;
            }
            Comment comment = asStored(existing, built);
            if (sameSource(existing, comment)) {
                report.unchanged();
            } else if (sameFixedFields(existing, comment)) {
                report.updated();
                if (!dryRun) {
                    update(comment, existing);
                }
            } else {
                report.replaced();
                if (!dryRun) {
                    replace(comment, existing);
                }
            }
        }
        if (!dryRun && !fresh.isEmpty()) {
            insert(fresh);
        }
        batch.clear();
        warners.clear();
    }

    /**
     * A linkback the first import had to store as a comment (the site held a linkback from that page) is built
     * as a linkback again; it is the same source record, so it is compared and written as the comment it is.
     */
    private static Comment asStored(Comment existing, Comment built) {
        if (existing.kind() == Kind.COMMENT && built.kind().isLinkback()) {
            return built.toBuilder().kind(Kind.COMMENT).linkback(null).build();
        }
        return built;
    }

    /**
     * Applies a changed source record to a stored comment. Moderation done in Parley (status, its reason) stays
     * unless the source's own status changed; the host's attributes always stay.
     */
    private static Comment merged(Comment comment, Comment existing) {
        Comment.Builder merged = comment.toBuilder().attributes(existing.attributes());
        if (existing.updatedAt().isAfter(comment.updatedAt())) {
            merged.updatedAt(existing.updatedAt());
        }
        String before = existing.provenance() == null ? null : existing.provenance().status();
        String after = comment.provenance() == null ? null : comment.provenance().status();
        if (existing.provenance() != null && Objects.equals(before, after)) {
            merged.status(existing.status()).moderationReason(existing.moderationReason());
        }
        return merged.build();
    }

    private void replace(Comment comment, Comment existing) {
        Comment replacement = merged(comment, existing).toBuilder().version(existing.version() + 1).build();
        store.delete(existing.id());
        try {
            insertOne(replacement);
        } catch (RuntimeException failed) {
            // Put the old comment back rather than lose it; running the import again retries.
            try {
                store.insert(existing);
            } catch (RuntimeException undo) {
                failed.addSuppressed(undo);
            }
            throw failed;
        }
    }

    private void insert(List<Comment> fresh) {
        try {
            store.insertAll(fresh);
        } catch (DuplicateLinkbackException | DuplicateCommentException refused) {
            // All or none: nothing of the batch is stored. Insert one by one to find the comments refused.
            for (Comment comment : fresh) {
                insertOne(comment);
            }
        }
    }

    private void insertOne(Comment comment) {
        try {
            store.insert(comment);
        } catch (DuplicateLinkbackException taken) {
            // A linkback from that page was stored by the site itself: keep this one as a comment.
            warnerOf(comment).accept(new ImportWarning(ImportWarning.Code.LINKBACK_AS_COMMENT,
                    comment.provenance() == null ? null : comment.provenance().threadId(),
                    comment.provenance() == null ? comment.id().value() : comment.provenance().sourceId(),
                    "the thread already holds a linkback from " + comment.linkback().sourceUrl()
                            + ": imported as a comment"));
            report.kindChanged(comment.kind(), Kind.COMMENT);
            store.insert(comment.toBuilder().kind(Kind.COMMENT).linkback(null).build());
        } catch (DuplicateCommentException concurrent) {
            // Another import wrote it meanwhile: bring it in line as a re-import would.
            Comment existing = store.find(comment.id()).orElseThrow(() -> concurrent);
            if (!sameSource(existing, comment)) {
                update(comment, existing);
            }
        }
    }

    private void update(Comment comment, Comment existing) {
        Comment current = existing;
        for (int attempt = 0; ; attempt++) {
            try {
                store.update(merged(comment, current).toBuilder().version(current.version()).build());
                return;
            } catch (VersionConflictException moved) {
                if (attempt == 2) {
                    throw moved;
                }
                current = store.find(comment.id()).orElseThrow(() -> moved);
            }
        }
    }

    private Consumer<ImportWarning> warnerOf(Comment comment) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) == comment) {
                return warners.get(i);
            }
        }
        return report::warn;
    }

    /**
     * Tells whether a stored comment came from the same source record as a freshly built one: same place,
     * same provenance, text and author. Status, its reason, html and the update time are left out: moderation
     * (which sets the update time) and a newer renderer may have changed them in Parley, and a re-import must
     * not undo that. A source's own edit time is in its provenance.
     */
    static boolean sameSource(Comment stored, Comment built) {
        return Objects.equals(stored.provenance(), built.provenance())
                && stored.text().equals(built.text())
                && stored.author().equals(built.author())
                && Objects.equals(stored.linkback(), built.linkback())
                && sameFixedFields(stored, built);
    }

    private static boolean sameFixedFields(Comment stored, Comment built) {
        try {
            stored.requireSameFixedFields(built);
            return true;
        } catch (IllegalArgumentException differs) {
            return false;
        }
    }
}
