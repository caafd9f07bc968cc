/**
 * The stored comment model and the {@link dev.parley.storage.CommentStore} SPI, with
 * {@link dev.parley.storage.memory.InMemoryCommentStore}, the embedded default store, the
 * {@link dev.parley.storage.jobs.JobQueue} SPI for durable background work, and the
 * {@link dev.parley.storage.outbox.LinkbackOutbox} SPI for the linkbacks a site sends.
 *
 * <p>This module has no dependencies at all, so a host's store implementation compiles against it alone.
 */
module dev.parley.storage {
    exports dev.parley.storage;
    exports dev.parley.storage.memory;
    exports dev.parley.storage.jobs;
    exports dev.parley.storage.outbox;
    exports dev.parley.storage.subscriptions;
}
