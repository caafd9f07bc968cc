/**
 * Reading Disqus's XML export ({@code <disqus xmlns="http://disqus.com">}, usually gzipped):
 * {@link dev.parley.migrate.disqus.DisqusReader}. How each element maps onto a
 * {@link dev.parley.migrate.SourceThread} and a {@link dev.parley.migrate.SourceComment} is in the module's
 * README, section "Disqus, system {@code disqus}".
 */
@NullMarked
package dev.parley.migrate.disqus;

import org.jspecify.annotations.NullMarked;
