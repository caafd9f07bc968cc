/**
 * Verifying that a source page links to a target, and extracting its title, excerpt, author and post type;
 * {@code LinkVerifier} is the entry point for integrators who need no receiver.
 */
@NullMarked
package dev.parley.pingback.verify;

import org.jspecify.annotations.NullMarked;
