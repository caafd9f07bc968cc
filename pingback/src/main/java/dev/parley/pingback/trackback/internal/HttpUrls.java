package dev.parley.pingback.trackback.internal;

import dev.parley.pingback.fetch.internal.UrlRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Cheap syntactic checks on the URLs a linkback request names. Not API.
 *
 * <p>Only the syntax is judged here; whether the address may be fetched is the fetcher's decision. Stateless and
 * thread-safe.
 */
public final class HttpUrls {

    private HttpUrls() {
    }

    /**
     * Says what is wrong with {@code url} as an absolute http(s) URL, if anything.
     *
     * @param field the form field name, for the message
     * @param url the value
     * @param maxLength the longest value accepted, in chars
     * @return null if {@code url} is an absolute http or https URL with a host, else an English explanation
     */
    public static @Nullable String problem(String field, String url, int maxLength) {
        if (url.isEmpty()) {
            return field + " is empty";
        }
        if (url.length() > maxLength) {
            return field + " is longer than " + maxLength + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return field + " is not a valid URL";
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return field + " must be an absolute http or https URL";
        }
        if (uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
            return field + " must be an absolute http or https URL with a host";
        }
        if (UrlRules.problem(url, maxLength) != null) {
            return field + " must be a URL the fetcher reads as written: no user-info, a DNS name or IP address as"
                    + " host, a port 1 to 65535";
        }
        return null;
    }

    /**
     * Returns a comparison key under which two URLs naming the same document are equal: scheme and host in
     * lower case, the scheme's default port dropped, dot segments removed, an empty path made "/", fragment
     * ignored. Call only for URLs that passed {@link #problem}.
     *
     * @param url an absolute http(s) URL
     * @return the key
     */
    public static String documentKey(String url) {
        URI uri = URI.create(url).normalize();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if ((port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"))) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder key = new StringBuilder(url.length())
                .append(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
        if (port >= 0) {
            key.append(':').append(port);
        }
        key.append(path);
        if (uri.getRawQuery() != null) {
            key.append('?').append(uri.getRawQuery());
        }
        return key.toString();
    }
}
