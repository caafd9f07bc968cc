package dev.parley.pingback.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to the addresses a fetch may connect to. {@link SafeFetcher} calls it once per hop, checks
 * every returned address, and connects only to those addresses, so a resolver that answers differently on the
 * next call (DNS rebinding) cannot redirect a connection that was already checked.
 *
 * <p>Implementations must be thread-safe. They are never called for IP literals, nor for {@code localhost} and
 * {@code *.localhost}, which are refused before resolution.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * Returns the addresses of a host.
     *
     * @param host an ASCII host name, lower case, without a trailing dot (IDNs arrive in their {@code xn--} form)
     * @return the addresses, in the order connections should be tried; empty means the host is unknown
     * @throws UnknownHostException if the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /**
     * The JVM's resolver, {@link InetAddress#getAllByName(String)}. Its own timeouts apply: the fetcher checks its
     * time cap after resolution returns but cannot interrupt a resolution in progress.
     *
     * @return the system resolver; stateless and thread-safe
     */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
