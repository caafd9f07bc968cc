/**
 * The linkback toolkit's API: requests, results and faults shared by Pingback, TrackBack and Webmention.
 */
@NullMarked
package dev.parley.pingback;

import org.jspecify.annotations.NullMarked;
