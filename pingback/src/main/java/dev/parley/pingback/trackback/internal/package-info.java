/**
 * Not API: form-post decoding, Content-Type parsing and URL checks shared by the TrackBack and Webmention
 * parsers. May change in any release.
 */
@NullMarked
package dev.parley.pingback.trackback.internal;

import org.jspecify.annotations.NullMarked;
