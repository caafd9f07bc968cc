package dev.parley.pingback.fetch.internal;

import java.net.InetAddress;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * One hop's destination, after the URL and its host spelling have been checked.
 *
 * @param uri the normalized URL (ASCII, no fragment, path at least "/")
 * @param secure whether the scheme is https
 * @param host the host as sent in {@code Host} and SNI: lower-case ASCII name without trailing dot, a dotted IPv4
 *     literal, or an IPv6 literal without brackets
 * @param port the port, defaulted from the scheme
 * @param literal the address when the host is an IP literal (never resolved), else {@code null}
 * @param requestTarget the origin-form request target: raw path and query
 */
record Target(URI uri, boolean secure, String host, int port, @Nullable InetAddress literal, String requestTarget) {

    /** The {@code Host} header value: the port appears only when it is not the scheme's default. */
    String hostHeader() {
        String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == (secure ? 443 : 80) ? name : name + ":" + port;
    }
}
