/**
 * Comment content: plain text or a small HTML subset in, sanitized HTML out.
 */
@NullMarked
package dev.parley.core.content;

import org.jspecify.annotations.NullMarked;
