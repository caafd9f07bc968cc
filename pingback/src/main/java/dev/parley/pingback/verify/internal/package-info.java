/**
 * Not API: the single-pass link finder and the microformats2 and excerpt extraction behind
 * {@code dev.parley.pingback.verify}. May change in any release.
 */
@NullMarked
package dev.parley.pingback.verify.internal;

import org.jspecify.annotations.NullMarked;
