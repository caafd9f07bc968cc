/**
 * The engine's implementation: tree assembly, edit tokens, validation, listener dispatch. Not API.
 */
@NullMarked
package dev.parley.core.internal;

import org.jspecify.annotations.NullMarked;
