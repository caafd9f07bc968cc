/**
 * Parsing a Pingback {@code pingback.ping} request: Parley's StAX reader against Apache XML-RPC 3.1.3's
 * server-side request parser on the same bytes.
 */
package dev.parley.benchmarks.xmlrpc;
