/**
 * Implementations of the built-in moderation rules. Not API: use {@link dev.parley.core.moderation.Rules}.
 */
@NullMarked
package dev.parley.core.moderation.internal;

import org.jspecify.annotations.NullMarked;
