package dev.parley.examples;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The reverse proxies whose {@code Forwarded} and {@code X-Forwarded-*} headers the demo believes: IP addresses
 * and CIDR networks ({@code 10.0.0.5}, {@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}), from the setting
 * {@value DemoConfig#PROXY_TRUSTED}. Only IP literals: a host name is refused, since it could later resolve
 * elsewhere. An IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.5}) is the IPv4 address it maps.
 *
 * <p>Immutable and thread-safe.
 *
 * @param networks the trusted networks, none by default: then every such header is ignored
 */
public record TrustedProxies(List<Network> networks) {

    /** {@code address} or {@code address/prefix}; the address an IPv4 literal or an IPv6 literal. */
    private static final Pattern ENTRY =
            Pattern.compile("(?:(\\d{1,3}(?:\\.\\d{1,3}){3})|\\[?([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)\\]?)(?:/(\\d{1,3}))?");

    /**
     * One trusted network.
     *
     * @param address the network's address, host bits cleared
     * @param prefixLength how many leading bits must match: 0 to 32 for IPv4, 0 to 128 for IPv6
     */
    public record Network(InetAddress address, int prefixLength) {

        /**
         * Checks the prefix and clears the host bits.
         *
         * @throws IllegalArgumentException if the prefix is out of range for the address family
         */
        public Network {
            Objects.requireNonNull(address, "address must not be null");
            int bits = address.getAddress().length * 8;
            if (prefixLength < 0 || prefixLength > bits) {
                throw new IllegalArgumentException("prefix length must be 0.." + bits + " for "
                        + address.getHostAddress() + ", was " + prefixLength);
            }
            address = masked(address, prefixLength);
        }

        /**
         * Tells whether an address is in this network.
         *
         * @param candidate the address
         * @return true if its leading {@code prefixLength} bits match (never across address families)
         */
        public boolean contains(InetAddress candidate) {
            return candidate.getAddress().length == address.getAddress().length
                    && masked(candidate, prefixLength).equals(address);
        }

        @Override
        public String toString() {
            return address.getHostAddress() + "/" + prefixLength;
        }

        private static InetAddress masked(InetAddress address, int prefixLength) {
            byte[] bytes = address.getAddress();
            for (int i = 0; i < bytes.length; i++) {
                int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
                bytes[i] &= (byte) (0xff00 >> keep);
            }
            try {
                return InetAddress.getByAddress(bytes);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("4 or 16 bytes are always an address", e);
            }
        }
    }

    /**
     * Copies the networks.
     *
     * @throws NullPointerException if {@code networks} is null or holds null
     */
    public TrustedProxies {
        networks = List.copyOf(Objects.requireNonNull(networks, "networks must not be null"));
    }

    /**
     * No trusted proxy: the default, under which forwarding headers are ignored.
     *
     * @return the empty set
     */
    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Parses a comma-separated list of IP addresses and CIDR networks; blank entries are skipped.
     *
     * @param text e.g. {@code "127.0.0.1, 10.0.0.0/8, fd00::/8"}
     * @param problems where to add a sentence for each bad entry
     * @return the networks that parsed
     */
    static TrustedProxies parse(String text, List<String> problems) {
        List<Network> networks = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            Matcher matcher = ENTRY.matcher(entry);
            @Nullable InetAddress address = matcher.matches() ? literal(matcher.group(1), matcher.group(2)) : null;
            if (address == null) {
                problems.add(DemoConfig.PROXY_TRUSTED + " entries must be IP addresses or CIDR networks, like"
                        + " 10.0.0.5, 10.0.0.0/8 or fd00::/8 (host names are not resolved), but holds \"" + entry
                        + "\"");
                continue;
            }
            int bits = address.getAddress().length * 8;
            int prefix = matcher.group(3) == null ? bits : Integer.parseInt(matcher.group(3));
            if (prefix > bits) {
                problems.add(DemoConfig.PROXY_TRUSTED + " entry \"" + entry + "\" has a prefix longer than " + bits
                        + " bits");
                continue;
            }
            networks.add(new Network(address, prefix));
        }
        return new TrustedProxies(networks);
    }

    /**
     * Tells whether a peer is a trusted proxy.
     *
     * @param peer the address of the connection's other end
     * @return true if a trusted network holds it
     */
    public boolean trusts(InetAddress peer) {
        Objects.requireNonNull(peer, "peer must not be null");
        for (Network network : networks) {
            if (network.contains(peer)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether no proxy is trusted.
     *
     * @return true if forwarding headers are ignored from everyone
     */
    public boolean isEmpty() {
        return networks.isEmpty();
    }

    @Override
    public String toString() {
        return networks.isEmpty() ? "none" : networks.stream().map(Network::toString).collect(Collectors.joining(","));
    }

    /** The address of an IPv4 or IPv6 literal, or null when it is not one; never a name lookup. */
    static @Nullable InetAddress literal(@Nullable String ipv4, @Nullable String ipv6) {
        try {
            if (ipv4 != null) {
                for (String octet : ipv4.split("\\.")) {
                    if (Integer.parseInt(octet) > 255) {
                        return null;
                    }
                }
                return InetAddress.getByName(ipv4);
            }
            if (ipv6 != null) {
                // Only hex digits, colons and dots reach here: InetAddress parses it as a literal, no lookup.
                return InetAddress.getByName(ipv6);
            }
        } catch (UnknownHostException e) {
            return null;
        }
        return null;
    }
}
