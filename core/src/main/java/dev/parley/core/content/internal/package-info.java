/**
 * Implementation of {@code dev.parley.core.content}: the safelist, the tree passes and the writer. Not API:
 * not exported, and may change in any release.
 */
@NullMarked
package dev.parley.core.content.internal;

import org.jspecify.annotations.NullMarked;
