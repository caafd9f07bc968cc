/**
 * TrackBack 1.2: {@link dev.parley.pingback.trackback.TrackbackParser} turns a form post into a
 * {@link dev.parley.pingback.trackback.TrackbackParse} (a ping, or a refusal), and
 * {@link dev.parley.pingback.trackback.TrackbackResponses} writes the {@code <response>} answers.
 */
@NullMarked
package dev.parley.pingback.trackback;

import org.jspecify.annotations.NullMarked;
