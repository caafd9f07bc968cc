package dev.parley.pingback.fetch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangesTest {

    @ParameterizedTest(name = "{0} is public")
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.15.255.255",
        "172.32.0.0", "192.167.255.255", "192.169.0.0", "169.253.255.255", "198.17.255.255", "198.20.0.0",
        "223.255.255.255", "2606:4700::1111", "2001:4860:4860::8888", "2a00:1450:4001::1", "64:ff9b::808:808",
        "2002:808:808::1", "2001:200::1"})
    void publicUnicastIsAllowed(String address) throws UnknownHostException {
        assertThat(AddressRanges.blockedRange(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "10.255.255.255", "100.64.0.0", "127.0.0.1", "169.254.169.254",
        "172.16.0.0", "172.31.255.255", "192.0.0.8", "192.0.2.255", "192.88.99.1", "192.168.255.255", "198.18.0.0",
        "198.19.255.255", "198.51.100.0", "203.0.113.255", "224.0.0.0", "239.255.255.255", "240.0.0.0",
        "255.255.255.255", "::", "::1", "::8.8.8.8", "::ffff:127.0.0.1", "64:ff9b::7f00:1", "64:ff9b:1::1",
        "fc00::", "fdff:ffff::1", "fe80::1", "febf::1", "fec0::1", "ff02::1", "ff0e::1", "100::1", "2001::1",
        "2001:1ff::1", "2001:db8::", "2002:a00:1::", "2002:7f00:1::", "3fff::1", "5f00::1", "4000::1", "e000::1"})
    void specialPurposeAddressesAreRefused(String address) throws UnknownHostException {
        assertThat(AddressRanges.blockedRange(InetAddress.getByName(address))).isPresent();
    }

    @ParameterizedTest(name = "mapped {0} is judged by its IPv4 address")
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254"})
    void ipv4MappedInet6AddressIsJudgedByTheEmbeddedAddress(String v4) throws UnknownHostException {
        // Inet6Address.getByAddress keeps the mapped form that InetAddress.getByName would convert to IPv4.
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(v4).getAddress(), 0, bytes, 12, 4);

        assertThat(AddressRanges.blockedRange(Inet6Address.getByAddress(null, bytes, -1)))
                .hasValueSatisfying(range -> assertThat(range).startsWith("IPv4-mapped"));
    }
}
