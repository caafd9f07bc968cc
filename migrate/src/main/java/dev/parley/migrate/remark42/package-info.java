/**
 * Reading Remark42 backups: {@link dev.parley.migrate.remark42.Remark42Reader}, a streaming reader of its
 * JSON-lines backup and export files, plain or gzip-compressed.
 */
@NullMarked
package dev.parley.migrate.remark42;

import org.jspecify.annotations.NullMarked;
