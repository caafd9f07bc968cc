/**
 * Disqus: reading its XML export ({@code <disqus xmlns="http://disqus.com">}, usually gzipped) with
 * {@link dev.parley.migrate.disqus.DisqusReader}, and writing the WXR-based format Disqus imports comments from
 * with {@link dev.parley.migrate.disqus.DisqusWriter}. How each element of the export maps onto a
 * {@link dev.parley.migrate.SourceThread} and a {@link dev.parley.migrate.SourceComment} is in the module's
 * README, section "Disqus, system {@code disqus}".
 */
@NullMarked
package dev.parley.migrate.disqus;

import org.jspecify.annotations.NullMarked;
