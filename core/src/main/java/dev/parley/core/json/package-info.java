/**
 * JSON views of threads and comments via Jackson 3: a public schema and a moderator schema.
 *
 * <p>Jackson 3 is an optional dependency of parley-core: the views are plain records that need it only to be
 * written or read by {@link dev.parley.core.json.CommentJson}; no other package of the module uses it.
 */
@NullMarked
package dev.parley.core.json;

import org.jspecify.annotations.NullMarked;
