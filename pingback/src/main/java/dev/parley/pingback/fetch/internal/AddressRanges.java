package dev.parley.pingback.fetch.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The address ranges the default policy refuses, by raw bytes so that no spelling of an address can slip past.
 * IPv4 is refused by a deny list of special-purpose ranges; IPv6 is allowed only inside global unicast
 * {@code 2000::/3} (minus its special ranges) or as NAT64 of a public IPv4 address, because almost everything
 * outside {@code 2000::/3} is local, reserved or multicast. Addresses that embed an IPv4 address (mapped, NAT64,
 * 6to4) are judged by the embedded one. Stateless and thread-safe.
 */
public final class AddressRanges {

    private record V4Range(int network, int prefix, String name) {
        boolean contains(int address) {
            int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
            return (address & mask) == network;
        }
    }

    private static final List<V4Range> BLOCKED_V4 = List.of(
            v4("0.0.0.0", 8, "unspecified / this network (0.0.0.0/8)"),
            v4("10.0.0.0", 8, "private (10.0.0.0/8)"),
            v4("100.64.0.0", 10, "carrier-grade NAT (100.64.0.0/10)"),
            v4("127.0.0.0", 8, "loopback (127.0.0.0/8)"),
            v4("169.254.0.0", 16, "link-local, cloud metadata (169.254.0.0/16)"),
            v4("172.16.0.0", 12, "private (172.16.0.0/12)"),
            v4("192.0.0.0", 24, "IETF protocol assignments (192.0.0.0/24)"),
            v4("192.0.2.0", 24, "documentation TEST-NET-1 (192.0.2.0/24)"),
            v4("192.88.99.0", 24, "deprecated 6to4 relay anycast (192.88.99.0/24)"),
            v4("192.168.0.0", 16, "private (192.168.0.0/16)"),
            v4("198.18.0.0", 15, "benchmarking (198.18.0.0/15)"),
            v4("198.51.100.0", 24, "documentation TEST-NET-2 (198.51.100.0/24)"),
            v4("203.0.113.0", 24, "documentation TEST-NET-3 (203.0.113.0/24)"),
            v4("224.0.0.0", 4, "multicast (224.0.0.0/4)"),
            v4("240.0.0.0", 4, "reserved and limited broadcast (240.0.0.0/4, 255.255.255.255)"));

    private AddressRanges() {
    }

    /**
     * Returns the name of the refused range an address falls in.
     *
     * @param address any address
     * @return the range's name, or empty if the address is public unicast
     */
    public static Optional<String> blockedRange(InetAddress address) {
        byte[] bytes = address.getAddress();
        return Optional.ofNullable(address instanceof Inet4Address ? v4(toInt(bytes, 0)) : v6(bytes));
    }

    private static @Nullable String v4(int address) {
        for (V4Range range : BLOCKED_V4) {
            if (range.contains(address)) {
                return range.name();
            }
        }
        return null;
    }

    private static @Nullable String v6(byte[] b) {
        if (zero(b, 0, 10)) {
            if (zero(b, 10, 16)) {
                return "unspecified (::)";
            }
            if (zero(b, 10, 15) && b[15] == 1) {
                return "loopback (::1)";
            }
            if (b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
                return embedded(b, 12, "IPv4-mapped (::ffff:0:0/96)");
            }
            if (zero(b, 10, 12)) {
                return "deprecated IPv4-compatible (::/96)";
            }
        }
        int first16 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int second16 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (first16 == 0x0064 && second16 == 0xff9b) {
            return zero(b, 4, 12)
                    ? embedded(b, 12, "NAT64 (64:ff9b::/96)")
                    : "local-use NAT64 or reserved (64:ff9b::/32 outside 64:ff9b::/96)";
        }
        if ((b[0] & 0xe0) != 0x20) {
            return outsideGlobalUnicast(b);
        }
        if (first16 == 0x2001 && second16 < 0x0200) {
            return "IETF protocol assignments incl. Teredo, benchmarking, ORCHID (2001::/23)";
        }
        if (first16 == 0x2001 && second16 == 0x0db8) {
            return "documentation (2001:db8::/32)";
        }
        if (first16 == 0x2002) {
            return embedded(b, 2, "6to4 (2002::/16)");
        }
        if (first16 == 0x3fff && (second16 & 0xf000) == 0) {
            return "documentation (3fff::/20)";
        }
        if (first16 == 0x5f00) {
            return "SRv6 segment identifiers (5f00::/16)";
        }
        return null;
    }

    private static String outsideGlobalUnicast(byte[] b) {
        int first = b[0] & 0xff;
        if (first == 0xff) {
            return "multicast (ff00::/8)";
        }
        if ((first & 0xfe) == 0xfc) {
            return "unique-local (fc00::/7)";
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0x80) {
            return "link-local (fe80::/10)";
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return "deprecated site-local (fec0::/10)";
        }
        return "reserved, outside global unicast (2000::/3)";
    }

    private static @Nullable String embedded(byte[] b, int offset, String kind) {
        String blocked = v4(toInt(b, offset));
        return blocked == null ? null : kind + " of " + blocked;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int toInt(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16) | ((b[offset + 2] & 0xff) << 8)
                | (b[offset + 3] & 0xff);
    }

    private static V4Range v4(String dotted, int prefix, String name) {
        String[] parts = dotted.split("\\.");
        int network = 0;
        for (String part : parts) {
            network = (network << 8) | Integer.parseInt(part);
        }
        return new V4Range(network, prefix, name);
    }
}
