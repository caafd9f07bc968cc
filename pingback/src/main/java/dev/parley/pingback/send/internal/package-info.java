/**
 * Implementation of linkback sending: the three protocols' requests, the reading of their answers with the hardened
 * XML reader, and the table that says which failures are worth a retry. Not API: nothing here is exported, and
 * anything may change without notice.
 */
@NullMarked
package dev.parley.pingback.send.internal;

import org.jspecify.annotations.NullMarked;
