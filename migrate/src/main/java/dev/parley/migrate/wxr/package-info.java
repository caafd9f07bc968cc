/**
 * WordPress's export format, WXR (WordPress eXtended RSS) 1.0 to 1.2, and the WXR-based import format Disqus
 * documents: read with {@link dev.parley.migrate.wxr.WxrReader}, written (WXR 1.2) with
 * {@link dev.parley.migrate.wxr.WxrWriter}.
 */
@NullMarked
package dev.parley.migrate.wxr;

import org.jspecify.annotations.NullMarked;
