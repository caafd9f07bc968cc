package dev.parley.pingback.fetch.internal;

import dev.parley.pingback.fetch.FetchFailure;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Turns a URL into a {@link Target}, refusing anything that is not a plain http(s) URL with a host this fetcher
 * can read unambiguously. The authority is parsed here rather than by {@link URI#getHost()}, which returns
 * {@code null} for hosts such as {@code 0x7f000001} and falls back to a "registry" authority: every host spelling
 * is either an IP literal read as a browser reads it, a syntactically valid DNS name, or a refusal. Stateless.
 */
final class TargetParser {

    /** The longest URL parsed at all, whatever the configured cap. */
    static final int MAX_URL_LENGTH = 8_192;

    private TargetParser() {
    }

    static URI parseUri(String url) throws FetchAbort {
        if (url.length() > MAX_URL_LENGTH) {
            throw bad("URL longer than " + MAX_URL_LENGTH + " characters");
        }
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw bad("malformed URL: " + e.getMessage());
        }
    }

    static Target parse(URI original, int maxLength) throws FetchAbort {
        // Path and query go on the wire, so they are taken in ASCII form; the authority is read from the original
        // because toASCIIString() would percent-encode an internationalized host instead of converting it by IDNA.
        String ascii = original.toASCIIString();
        if (original.toString().length() > maxLength || ascii.length() > maxLength) {
            throw bad("URL longer than " + maxLength + " characters");
        }
        URI uri = parseUri(ascii);
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw bad("not an absolute http(s) URL: " + uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw bad("scheme '" + scheme + "' is not http or https: " + uri);
        }
        boolean secure = scheme.equals("https");
        String authority = original.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw bad("no host: " + uri);
        }
        if (authority.indexOf('@') >= 0) {
            throw bad("user-info is not allowed in URLs: " + uri);
        }
        String hostPart;
        String portPart;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw bad("unclosed IPv6 literal: " + uri);
            }
            hostPart = authority.substring(0, close + 1);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw bad("junk after IPv6 literal: " + uri);
            }
            portPart = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int colon = authority.indexOf(':');
            hostPart = colon < 0 ? authority : authority.substring(0, colon);
            portPart = colon < 0 ? "" : authority.substring(colon + 1);
        }
        int port = port(portPart, secure, uri);
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestTarget = uri.getRawQuery() == null ? rawPath : rawPath + "?" + uri.getRawQuery();

        String host;
        InetAddress literal = null;
        if (hostPart.startsWith("[")) {
            String text = hostPart.substring(1, hostPart.length() - 1).toLowerCase(Locale.ROOT);
            if (text.indexOf('%') >= 0) {
                throw bad("IPv6 zone ids are not allowed: " + uri);
            }
            byte[] bytes = IpLiterals.parseIpv6(text);
            if (bytes == null) {
                throw bad("invalid IPv6 literal: " + uri);
            }
            host = text;
            literal = address(bytes);
        } else {
            host = hostName(hostPart, uri);
            if (IpLiterals.endsInNumber(host)) {
                byte[] bytes = IpLiterals.parseIpv4(host);
                if (bytes == null) {
                    throw bad("invalid IPv4 address: " + uri);
                }
                literal = address(bytes);
                host = literal.getHostAddress();
            } else if (host.equals("localhost") || host.endsWith(".localhost")) {
                throw new FetchAbort(FetchFailure.BLOCKED_ADDRESS,
                        "'" + host + "' is a loopback name (RFC 6761): " + uri);
            }
        }
        Target provisional = new Target(uri, secure, host, port, literal, requestTarget);
        // The URL as fetched, serialized as a browser would: ASCII host, IPv4 in dotted form, no default port.
        URI normalized = parseUri(scheme + "://" + provisional.hostHeader() + requestTarget);
        return new Target(normalized, secure, host, port, literal, requestTarget);
    }

    /** Lower-case ASCII name without trailing dot, or a refusal for anything DNS could not hold. */
    private static String hostName(String raw, URI uri) throws FetchAbort {
        if (raw.indexOf('%') >= 0) {
            throw bad("percent-encoded host: " + uri);
        }
        String host = raw;
        if (!host.chars().allMatch(c -> c < 0x80)) {
            try {
                host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw bad("invalid internationalized host: " + uri);
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.length() > 253) {
            throw bad("empty or over-long host: " + uri);
        }
        for (String label : host.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
                    || !label.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_')) {
                throw bad("invalid host name: " + uri);
            }
        }
        return host;
    }

    private static int port(String text, boolean secure, URI uri) throws FetchAbort {
        if (text.isEmpty()) {
            return secure ? 443 : 80;
        }
        if (text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad("invalid port: " + uri);
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65_535) {
            throw bad("port out of range: " + uri);
        }
        return port;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    private static FetchAbort bad(String detail) {
        return new FetchAbort(FetchFailure.BAD_URL, detail);
    }
}
