/**
 * The storage test kit: the executable specification of {@link dev.parley.storage.CommentStore}.
 *
 * <p>A store implementation proves itself by a test class that extends
 * {@link dev.parley.storage.tck.CommentStoreContract} and returns a fresh, empty store from
 * {@code createStore()}. The rules are grouped by SPI method in {@code @Nested} classes whose
 * {@code @DisplayName}s state each rule as a sentence, so a failing test names the rule a store breaks.
 * {@link dev.parley.storage.tck.Comments} builds valid comments with controlled timestamps for the kit and
 * for a host's own store tests.
 */
@NullMarked
package dev.parley.storage.tck;

import org.jspecify.annotations.NullMarked;
