package dev.parley.core.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Links in comments and author URLs. Stateless and thread-safe.
 */
public final class Links {

    private Links() {
    }

    /**
     * Counts the links in an HTML fragment: the {@code a} elements with a non-blank {@code href}. Pass the
     * rendered HTML (what {@link ContentRenderer#render} returned), so that bare URLs the renderer linked are
     * counted too; this is the number WordPress's "hold a comment with 2 or more links" rule compares. Raw HTML
     * input is accepted as well (its {@code <a href>} tags are counted, whatever the scheme), but plain-text
     * input has no tags: render it first.
     *
     * @param html an HTML fragment
     * @return the number of links, 0 or more
     * @throws NullPointerException if {@code html} is null
     */
    public static int count(String html) {
        Objects.requireNonNull(html, "html");
        if (html.indexOf('<') < 0) {
            return 0;
        }
        int count = 0;
        for (Element anchor : Jsoup.parseBodyFragment(html).body().getElementsByTag("a")) {
            if (!anchor.attr("href").isBlank()) {
                count++;
            }
        }
        return count;
    }

    /**
     * Checks an author's web address: returns it as an absolute {@code http} or {@code https} URL, or empty if
     * it is not one. Surrounding whitespace is stripped. An address typed without a scheme ({@code example.com},
     * {@code example.com/blog}, {@code localhost:8080}) is read as {@code https://}; any other scheme
     * ({@code javascript:}, {@code data:}, {@code mailto:}, ...) is refused, as are scheme-relative
     * ({@code //host}) and relative URLs, a user name or password in the address, whitespace, control
     * characters, quotes, angle brackets and backslashes. Length is the caller's to limit.
     *
     * @param candidate the address as entered
     * @return the URL to store and link, with the scheme in lower case, or empty
     * @throws NullPointerException if {@code candidate} is null
     */
    public static Optional<String> httpUrl(String candidate) {
        Objects.requireNonNull(candidate, "candidate");
        String url = candidate.strip();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || "\"'<>\\`".indexOf(c) >= 0) {
                return Optional.empty();
            }
        }
        int colon = url.indexOf(':');
        if (colon > 0 && isScheme(url, colon)) {
            String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            url = scheme + url.substring(colon);
        } else if (url.startsWith("/") || !Character.isLetterOrDigit(url.charAt(0))) {
            return Optional.empty();
        } else {
            url = "https://" + url;
        }
        try {
            URI uri = new URI(url);
            String authority = uri.getRawAuthority();
            if (!url.regionMatches(url.indexOf(':'), "://", 0, 3)
                    || authority == null || authority.isEmpty() || authority.indexOf('@') >= 0
                    || !Character.isLetterOrDigit(authority.charAt(0)) && authority.charAt(0) != '[') {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(url);
    }

    /** Whether the text before {@code colon} is a scheme rather than a host followed by a port. */
    private static boolean isScheme(String url, int colon) {
        if (!Character.isLetter(url.charAt(0)) || url.charAt(0) > 0x7f) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = url.charAt(i);
            if (!(c < 0x80 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        boolean port = colon + 1 < url.length() && Character.isDigit(url.charAt(colon + 1));
        return !port;
    }
}
