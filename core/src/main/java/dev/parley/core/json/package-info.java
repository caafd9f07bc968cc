/**
 * JSON views of threads and comments via Jackson 3: a public schema and a moderator schema.
 */
@NullMarked
package dev.parley.core.json;

import org.jspecify.annotations.NullMarked;
