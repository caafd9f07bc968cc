/**
 * Disqus: its XML export, and the WXR-based format Disqus imports comments from.
 */
@NullMarked
package dev.parley.migrate.disqus;

import org.jspecify.annotations.NullMarked;
