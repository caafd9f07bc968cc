package dev.parley.pingback.fetch;

import dev.parley.pingback.fetch.internal.AddressRanges;
import dev.parley.pingback.fetch.internal.ExplicitAllowance;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Decides whether a fetch may connect to an address and port. {@link SafeFetcher} asks it about every address a
 * host resolves to, on every redirect hop, before connecting; one refused address refuses the whole host.
 *
 * <p>Implementations must be thread-safe and must not do I/O.
 */
@FunctionalInterface
public interface AddressPolicy {

    /**
     * Returns whether a connection to this address and port is allowed.
     *
     * @param address the resolved or literal address, never a name
     * @param port the TCP port, 1 to 65535
     * @return {@code true} to allow the connection
     */
    boolean permits(InetAddress address, int port);

    /**
     * The default policy: public unicast addresses only, on any port. It refuses loopback, private, link-local
     * (including 169.254.169.254), CGNAT, unique-local, multicast, unspecified, broadcast, reserved, benchmarking and
     * documentation ranges, IPv4-compatible IPv6, and IPv4-mapped, NAT64 and 6to4 addresses that embed a refused
     * IPv4 address. IPv6 is allowed only inside global unicast {@code 2000::/3} (minus the special ranges) or as
     * NAT64 {@code 64:ff9b::/96} of a public IPv4 address. The full table is in the README ("Fetching safely").
     *
     * @return the default policy; stateless and thread-safe
     */
    static AddressPolicy publicUnicast() {
        return (address, port) -> AddressRanges.blockedRange(address).isEmpty();
    }

    /**
     * Returns whether this policy names this address and port as an explicit exception, as
     * {@link #allowing(InetAddress, int)} does. {@link SafeFetcher} reaches such a pair on any port; every other
     * address it reaches only on its allowed ports ({@link SafeFetcher.Builder#allowedPorts}), and only if
     * {@link #permits} agrees. A policy written by hand that means to reach a service on another port overrides this
     * method for exactly that pair (or the host widens the fetcher's allowed ports).
     *
     * @param address the resolved or literal address
     * @param port the TCP port, 1 to 65535
     * @return {@code true} if this exact pair is allowed by name; the default is {@code false}
     */
    default boolean allowsExplicitly(InetAddress address, int port) {
        return false;
    }

    /**
     * Returns a policy that also allows exactly one address and port, for a test server or a known internal
     * service. Nothing else is widened: another port on the same address is still refused if this policy refuses it.
     * The pair is an explicit allowance ({@link #allowsExplicitly}), so the fetcher reaches it even on a port
     * outside its allowed ports; allowances stack, each naming its own pair.
     *
     * @param address the one extra address
     * @param port the one extra port, 1 to 65535
     * @return a new immutable policy
     * @throws IllegalArgumentException if the port is out of range
     */
    default AddressPolicy allowing(InetAddress address, int port) {
        Objects.requireNonNull(address, "address");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        return new ExplicitAllowance(this, address, port);
    }
}
