/**
 * Sending linkbacks: find the links of a post ({@link dev.parley.pingback.send.LinkExtractor}), discover each
 * target's Webmention, Pingback and TrackBack endpoints ({@link dev.parley.pingback.send.EndpointDiscovery}), and
 * deliver with fallback in that order ({@link dev.parley.pingback.send.LinkbackSender}). Every request, to a
 * target page or to an endpoint, goes through the same address policy as receiving, so a page cannot make the
 * sender call a loopback or private address. Each target ends in one {@link dev.parley.pingback.send.SendOutcome}.
 */
@NullMarked
package dev.parley.pingback.send;

import org.jspecify.annotations.NullMarked;
