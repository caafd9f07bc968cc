/**
 * Bringing comments into Parley and taking them out again.
 *
 * <p>A {@link dev.parley.migrate.CommentReader} reads one source format (WordPress WXR, Disqus, Remark42,
 * Isso) as a stream of {@link dev.parley.migrate.SourceThread}s and {@link dev.parley.migrate.SourceComment}s;
 * the {@link dev.parley.migrate.Importer} reads the whole source once to check it and find every comment's
 * place in its tree, then once more to write it into any {@link dev.parley.storage.CommentStore}, in batches.
 * Nothing is dropped: every status, type and raw value is kept, and everything the importer could not take as
 * the source had it is a warning in the {@link dev.parley.migrate.ImportReport}.
 */
@NullMarked
package dev.parley.migrate;

import org.jspecify.annotations.NullMarked;
