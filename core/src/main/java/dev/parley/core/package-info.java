/**
 * The engine's entry point, {@code CommentService}, with its settings, outcomes and events.
 */
@NullMarked
package dev.parley.core;

import org.jspecify.annotations.NullMarked;
