/**
 * Implementation of the migration module. Not API: anything here may change without notice.
 */
@NullMarked
package dev.parley.migrate.internal;

import org.jspecify.annotations.NullMarked;
