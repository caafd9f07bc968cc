/**
 * Not API: the StAX reader behind {@code PingbackRequestParser}, XML text escaping and bounded body reading
 * shared by the protocol packages. May change in any release.
 */
@NullMarked
package dev.parley.pingback.xmlrpc.internal;

import org.jspecify.annotations.NullMarked;
