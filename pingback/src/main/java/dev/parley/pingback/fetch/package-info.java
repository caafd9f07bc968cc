/**
 * Fetching a linkback's source page without becoming an SSRF relay: {@link dev.parley.pingback.fetch.SafeFetcher}
 * resolves a host once per hop, checks every address against an {@link dev.parley.pingback.fetch.AddressPolicy},
 * connects to exactly the address it checked, and caps redirects, bytes, time and content types. Outcomes are a
 * sealed {@link dev.parley.pingback.fetch.FetchResult}; nothing a remote server or a URL does raises an exception.
 */
@NullMarked
package dev.parley.pingback.fetch;

import org.jspecify.annotations.NullMarked;
