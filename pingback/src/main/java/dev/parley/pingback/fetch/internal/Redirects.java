package dev.parley.pingback.fetch.internal;

import dev.parley.pingback.fetch.FetchFailure;
import java.net.URI;

/**
 * Resolves a {@code Location} value against the URL that answered with it (RFC 9110 10.2.2, RFC 3986 5.2). The
 * result is only a candidate: the next hop checks it from scratch, scheme, user-info and address included. Stateless.
 */
final class Redirects {

    private static final String UNSAFE = " \"<>\\^`{|}";

    private Redirects() {
    }

    static URI resolve(URI base, String location) throws FetchAbort {
        String reference = encodeUnsafe(location.strip());
        if (reference.isEmpty() || reference.startsWith("#")) {
            return base;
        }
        if (reference.startsWith("?")) {
            // java.net.URI follows RFC 2396 here and would drop the last path segment.
            return TargetParser.parseUri(base.getScheme() + "://" + base.getRawAuthority() + base.getRawPath()
                    + reference);
        }
        URI resolved;
        try {
            resolved = base.resolve(TargetParser.parseUri(reference));
        } catch (IllegalArgumentException e) {
            throw new FetchAbort(FetchFailure.BAD_URL, "unusable redirect Location '" + location + "'");
        }
        return resolved;
    }

    /**
     * Servers send raw spaces and non-ASCII in Location; header bytes were read as ISO-8859-1, so each such char is
     * one original byte and is percent-encoded back as that byte.
     */
    private static String encodeUnsafe(String location) {
        StringBuilder out = new StringBuilder(location.length());
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c < 0x21 || c > 0x7e || UNSAFE.indexOf(c) >= 0) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
