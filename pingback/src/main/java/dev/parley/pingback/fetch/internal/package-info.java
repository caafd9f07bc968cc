/**
 * Implementation of the safe fetcher: host spelling, address ranges, a minimal HTTP/1.1 client over a socket
 * connected to the checked address, body framing and decoding, charset detection. Not API: nothing here is
 * exported, and anything may change without notice.
 */
@NullMarked
package dev.parley.pingback.fetch.internal;

import org.jspecify.annotations.NullMarked;
