/**
 * WordPress eXtended RSS (WXR): the format WordPress exports and imports posts and comments in.
 */
@NullMarked
package dev.parley.migrate.wxr;

import org.jspecify.annotations.NullMarked;
