/**
 * The stored comment model and the storage SPI.
 *
 * <p>{@link dev.parley.storage.CommentStore} is what a host implements to keep comments in its own
 * database; the records here ({@link dev.parley.storage.Comment}, {@link dev.parley.storage.Author},
 * {@link dev.parley.storage.Cursor}, ...) are what crosses it. Every record is immutable and thread-safe and
 * checks its components in its constructor, naming the field in the message.
 *
 * <p><b>Nullness.</b> Everything is non-null unless its Javadoc says "or null". This module has no
 * dependencies at all, so it states nullness in prose instead of with JSpecify annotations.
 */
package dev.parley.storage;
