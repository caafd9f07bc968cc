/**
 * Pingback 1.0 over XML-RPC: {@link dev.parley.pingback.xmlrpc.PingbackRequestParser} turns a
 * {@code pingback.ping} request body into a {@link dev.parley.pingback.xmlrpc.PingbackParse} (the two URIs, or a
 * fault), and {@link dev.parley.pingback.xmlrpc.PingbackResponses} writes the success and fault answers.
 */
@NullMarked
package dev.parley.pingback.xmlrpc;

import org.jspecify.annotations.NullMarked;
