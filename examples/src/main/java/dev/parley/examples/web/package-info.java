/**
 * The demo's servlets, each a small class a host could copy: the server-rendered post page with a comment form
 * that works without JavaScript, the JSON API, the moderation page, the Atom feed, the Pingback, TrackBack and
 * Webmention endpoints, local identicon avatars, and the security headers filter.
 *
 * <p>Every text a visitor or another blog sent is escaped where it is written ({@link dev.parley.examples.web.Html}
 * uses core's escaping helper); only the html the engine sanitized is written as markup.
 */
@NullMarked
package dev.parley.examples.web;

import org.jspecify.annotations.NullMarked;
