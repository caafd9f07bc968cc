package dev.parley.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Recognises the only URLs Parley stores as links: absolute http(s) with a host. */
final class HttpUrls {

    private HttpUrls() {
    }

    static boolean isAbsoluteHttp(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return false;
            }
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null
                    && ("http".equals(scheme.toLowerCase(Locale.ROOT)) || "https".equals(scheme.toLowerCase(Locale.ROOT)))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
