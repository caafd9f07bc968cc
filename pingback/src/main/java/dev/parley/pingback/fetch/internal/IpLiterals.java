package dev.parley.pingback.fetch.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses IP literals the way a browser does, so that every spelling of an address is recognised as that address
 * rather than passed to DNS or read differently than a browser would read it. IPv4 follows the WHATWG URL
 * Standard's IPv4 parser: a host whose last label is a number is an address; each part may be decimal, octal
 * (leading 0) or hex (0x); 1 to 4 parts, the last filling the remaining bytes ({@code 127.1}, {@code 0x7f000001},
 * {@code 0177.0.0.1}). IPv6 follows RFC 4291 text forms, with an optional trailing dotted IPv4. Stateless.
 */
final class IpLiterals {

    private static final int MAX_NUMBER_LENGTH = 40;

    private IpLiterals() {
    }

    /**
     * Returns whether a host (lower case, no trailing dot) must be read as IPv4: its last label is a number.
     * Such a host is never looked up in DNS, whether or not it parses.
     */
    static boolean endsInNumber(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        return last.startsWith("0x") && last.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /**
     * Parses a WHATWG IPv4 host.
     *
     * @return the 4 address bytes, or {@code null} if the host is not a valid IPv4 spelling
     */
    static byte @Nullable [] parseIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            long n = parseNumber(parts[i]);
            if (n < 0 || (i < parts.length - 1 && n > 255)) {
                return null;
            }
            numbers[i] = n;
        }
        long last = numbers[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return null;
        }
        long address = last;
        for (int i = 0; i < parts.length - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    private static long parseNumber(String part) {
        if (part.isEmpty() || part.length() > MAX_NUMBER_LENGTH) {
            return -1;
        }
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() > 1 && part.charAt(0) == '0') {
            radix = 8;
            digits = part.substring(1);
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0) {
                return -1;
            }
            value = value * radix + d;
            if (value > 0xffff_ffffL) {
                return -1;
            }
        }
        return value;
    }

    /**
     * Parses the text between the brackets of an IPv6 URL host. Zone ids ({@code %25eth0}) and IPvFuture are not
     * accepted: a zone only makes sense for link-local addresses, which are refused anyway.
     *
     * @return the 16 address bytes, or {@code null} if the text is not an IPv6 address
     */
    static byte @Nullable [] parseIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = gap >= 0 ? groups(text.substring(0, gap), false) : groups(text, true);
        List<Integer> tail = gap >= 0 ? groups(text.substring(gap + 2), true) : List.of();
        if (head == null || tail == null) {
            return null;
        }
        int count = head.size() + tail.size();
        if (gap >= 0 ? count > 7 : count != 8) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            put(bytes, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(bytes, 8 - tail.size() + i, tail.get(i));
        }
        return bytes;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >>> 8);
        bytes[2 * group + 1] = (byte) value;
    }

    /** Splits colon-separated 16-bit groups; the last may be a dotted IPv4 address (two groups) when allowed. */
    private static @Nullable List<Integer> groups(String text, boolean ipv4Last) {
        List<Integer> groups = new ArrayList<>();
        if (text.isEmpty()) {
            return groups;
        }
        String[] parts = text.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (ipv4Last && i == parts.length - 1 && part.indexOf('.') >= 0) {
                byte[] v4 = strictDottedQuad(part);
                if (v4 == null) {
                    return null;
                }
                groups.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
                groups.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
            } else {
                if (part.isEmpty() || part.length() > 4) {
                    return null;
                }
                int value = 0;
                for (int j = 0; j < part.length(); j++) {
                    int d = Character.digit(part.charAt(j), 16);
                    if (d < 0) {
                        return null;
                    }
                    value = value * 16 + d;
                }
                groups.add(value);
            }
        }
        return groups;
    }

    /** RFC 3986 dec-octets inside IPv6: exactly four decimal parts, no leading zeros. */
    private static byte @Nullable [] strictDottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')
                    || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            bytes[i] = (byte) v;
        }
        return bytes;
    }
}
