/**
 * The moderation pipeline: ordered rules, their verdicts and reasons, and the {@code SpamCheck} SPI.
 */
@NullMarked
package dev.parley.core.moderation;

import org.jspecify.annotations.NullMarked;
