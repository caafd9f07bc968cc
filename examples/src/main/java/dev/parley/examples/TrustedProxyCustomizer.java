package dev.parley.examples;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.jspecify.annotations.Nullable;

/**
 * Applies Jetty's {@link ForwardedRequestCustomizer} ({@code Forwarded}, {@code X-Forwarded-For},
 * {@code X-Forwarded-Proto}, ...) only to requests whose direct peer is a {@link TrustedProxies trusted proxy}:
 * on its own, Jetty's customizer believes whoever sends the headers, so any reader could pick the address the
 * flood rule counts and the moderator sees.
 *
 * <p>Behind a trusted proxy, the request then has the client's address ({@code getRemoteAddr()}) and the
 * original scheme ({@code isSecure()} is true for https, which puts {@code Secure} on the demo's cookies).
 * The client's address is the right-most hop of the forwarding chain that is not itself a trusted proxy: a
 * proxy appends the address it saw, so the hops left of that one were written by the client and are not
 * believed. Before Jetty reads them, the chains in {@code X-Forwarded-For} and {@code Forwarded} are cut to that
 * one hop (for {@code Forwarded}, the whole element with its {@code proto} and {@code host}); a hop that is not
 * an IP address is dropped, leaving the proxy's own address.
 *
 * <p>Thread-safe: immutable after construction, and Jetty's customizer is safe to share.
 */
final class TrustedProxyCustomizer implements HttpConfiguration.Customizer {

    private static final String X_FORWARDED_FOR = HttpHeader.X_FORWARDED_FOR.asString();
    private static final String FORWARDED = HttpHeader.FORWARDED.asString();
    /** A hop: a bare or bracketed IPv6 literal, or an IPv4 literal, either with an optional port. */
    private static final Pattern HOP = Pattern.compile("\\[([0-9A-Fa-f:.]+)\\](?::\\d{1,5})?"
            + "|(\\d{1,3}(?:\\.\\d{1,3}){3})(?::\\d{1,5})?"
            + "|([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)");

    private final TrustedProxies trusted;
    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

    TrustedProxyCustomizer(TrustedProxies trusted) {
        this.trusted = Objects.requireNonNull(trusted, "trusted");
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        InetAddress peer = peer(request.getConnectionMetaData().getRemoteSocketAddress());
        if (peer == null || !trusted.trusts(peer)) {
            return request;
        }
        HttpFields headers = request.getHeaders();
        HttpFields.Mutable cut = HttpFields.build(headers);
        cutForwardedFor(headers, cut);
        cutForwarded(headers, cut);
        HttpFields believed = cut.asImmutable();
        Request view = new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return believed;
            }
        };
        return forwarded.customize(view, responseHeaders);
    }

    /** {@code X-Forwarded-For}: only the right-most hop that is not a trusted proxy. */
    private void cutForwardedFor(HttpFields headers, HttpFields.Mutable cut) {
        List<String> hops = new ArrayList<>();
        for (String value : headers.getValuesList(X_FORWARDED_FOR)) {
            for (String hop : value.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        if (hops.isEmpty()) {
            return;
        }
        cut.remove(X_FORWARDED_FOR);
        int client = clientHop(hops);
        InetAddress address = address(hops.get(client));
        if (address != null) {
            cut.put(X_FORWARDED_FOR, address.getHostAddress());
        }
    }

    /** {@code Forwarded} (RFC 7239): only the element of the right-most hop that is not a trusted proxy. */
    private void cutForwarded(HttpFields headers, HttpFields.Mutable cut) {
        List<String> elements = new ArrayList<>();
        for (String value : headers.getValuesList(FORWARDED)) {
            elements.addAll(splitOutsideQuotes(value, ','));
        }
        if (elements.isEmpty()) {
            return;
        }
        cut.remove(FORWARDED);
        List<String> hops = new ArrayList<>();
        for (String element : elements) {
            hops.add(forParameter(element));
        }
        int client = clientHop(hops);
        List<String> kept = new ArrayList<>();
        for (String pair : splitOutsideQuotes(elements.get(client), ';')) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            // A "for" that is no IP address (unknown, an obfuscated name) cannot be the client's address.
            if (!name.equals("for") || address(hops.get(client)) != null) {
                kept.add(pair.strip());
            }
        }
        if (!kept.isEmpty()) {
            cut.put(FORWARDED, String.join(";", kept));
        }
    }

    /** The index of the right-most hop that is not a trusted proxy; the left-most when all are trusted. */
    private int clientHop(List<String> hops) {
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress address = address(hops.get(i));
            if (address == null || !trusted.trusts(address)) {
                return i;
            }
        }
        return 0;
    }

    /** The value of an element's {@code for} parameter, unquoted; empty when it has none. */
    private static String forParameter(String element) {
        for (String pair : splitOutsideQuotes(element, ';')) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
                String value = pair.substring(equals + 1).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return "";
    }

    private static List<String> splitOutsideQuotes(String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        parts.removeIf(String::isBlank);
        return parts;
    }

    /** The address of a hop ({@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}), or null. */
    static @Nullable InetAddress address(String hop) {
        Matcher matcher = HOP.matcher(hop.strip());
        if (!matcher.matches()) {
            return null;
        }
        return TrustedProxies.literal(matcher.group(2), matcher.group(1) != null ? matcher.group(1) : matcher.group(3));
    }

    private static @Nullable InetAddress peer(@Nullable SocketAddress remote) {
        return remote instanceof InetSocketAddress socket ? socket.getAddress() : null;
    }

    @Override
    public String toString() {
        return "TrustedProxyCustomizer[" + trusted + "]";
    }
}
