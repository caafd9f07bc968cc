package dev.parley.pingback.fetch.internal;

import dev.parley.pingback.fetch.AddressPolicy;
import dev.parley.pingback.fetch.HostResolver;
import java.time.Clock;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * A validated fetcher configuration, as built by {@code SafeFetcher.Builder}. Immutable.
 *
 * @param resolver host name to addresses
 * @param policy which addresses and ports may be connected to
 * @param socketFactory creates the unconnected plain sockets
 * @param sslSocketFactory layers TLS over a connected socket
 * @param clock the time source for the deadline
 * @param timeoutMillis the cap on the whole fetch
 * @param connectTimeoutMillis the cap on one connection attempt
 * @param maxRedirects how many redirects may be followed
 * @param maxBodyBytes the cap on body bytes, on the wire and decoded
 * @param mediaTypes accepted media types, lower-case {@code type/subtype}, or {@link #ANY_MEDIA_TYPE} for all
 * @param userAgent the {@code User-Agent} value
 * @param truncateBodies whether a body over {@code maxBodyBytes} is cut there rather than refused
 * @param allowedPorts the ports a policy's ranges may be reached on; an explicit allowance is reached on its own port
 * @param maxUrlLength the longest URL fetched, in characters, on every hop
 */
public record FetchConfig(HostResolver resolver, AddressPolicy policy, SocketFactory socketFactory,
                          SSLSocketFactory sslSocketFactory, Clock clock, long timeoutMillis,
                          long connectTimeoutMillis, int maxRedirects, int maxBodyBytes, Set<String> mediaTypes,
                          String userAgent, boolean truncateBodies, Set<Integer> allowedPorts,
                          int maxUrlLength) {

    /** The media type that stands for every media type. */
    public static final String ANY_MEDIA_TYPE = "*/*";

    /** Copies the media types and the ports. */
    public FetchConfig {
        mediaTypes = Set.copyOf(mediaTypes);
        allowedPorts = Set.copyOf(allowedPorts);
    }

    /** Whether a response of this media type ({@code type/subtype}, lower case) is accepted. */
    boolean accepts(String mediaType) {
        return mediaTypes.contains(mediaType) || mediaTypes.contains(ANY_MEDIA_TYPE);
    }

    /** The {@code Accept} value: the accepted media types, HTML first, then alphabetical, the wildcard last. */
    String accept() {
        return mediaTypes.stream()
                .sorted(Comparator.comparing((String type) -> !type.equals("text/html"))
                        .thenComparing(ANY_MEDIA_TYPE::equals)
                        .thenComparing(type -> type))
                .collect(Collectors.joining(", "));
    }
}
