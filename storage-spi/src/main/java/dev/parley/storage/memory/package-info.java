/**
 * {@link dev.parley.storage.memory.InMemoryCommentStore}, the embedded default
 * {@link dev.parley.storage.CommentStore}: thread-safe, indexed, and checked by the storage test kit like any
 * other store.
 */
package dev.parley.storage.memory;
