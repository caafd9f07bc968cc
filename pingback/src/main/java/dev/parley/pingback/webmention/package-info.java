/**
 * Webmention (W3C Recommendation): {@link dev.parley.pingback.webmention.WebmentionParser} turns a form post
 * into a {@link dev.parley.pingback.webmention.WebmentionParse} (source and target, or a 400 reason);
 * {@link dev.parley.pingback.webmention.WebmentionAnswer} is the servlet-free HTTP answer (400, 202, 201, 200,
 * or a fault's status); {@link dev.parley.pingback.webmention.WebmentionAction} decides create, update or
 * delete for a mention seen before.
 */
@NullMarked
package dev.parley.pingback.webmention;

import org.jspecify.annotations.NullMarked;
