package dev.parley.pingback.fetch.internal;

import dev.parley.pingback.fetch.FetchFailure;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one set of URL rules every entry point applies: the fetcher, the receiver and the parsers for what a sender
 * names, the verifier, and the sender for the links and endpoints it finds. Not API.
 *
 * <p>A URL passes when the fetcher could fetch it as written, with nothing a URL parser could read another way: an
 * absolute {@code http} or {@code https} URL, {@code scheme://} with exactly two slashes, a host that is an IP
 * literal or a DNS name, an optional port 1 to 65535, no user-info, no backslash, space or control character
 * anywhere (also none around it), no malformed percent escape, and at most the length cap. Browsers read
 * {@code http://a.example\@b.example/} as host {@code a.example} and other parsers as user-info before
 * {@code b.example}; such a URL is refused rather than read one way. Whether the address may be reached is the
 * address policy's question, not this one's. Stateless and thread-safe.
 */
public final class UrlRules {

    /** The default cap on a URL's length, in characters, as for a stored linkback's source. */
    public static final int DEFAULT_MAX_LENGTH = 2_048;

    private UrlRules() {
    }

    /**
     * Says what is wrong with a URL, if anything.
     *
     * @param url the URL as given
     * @param maxLength the longest URL accepted, in characters, measured as given and in ASCII form
     * @return null if the URL passes, else an English explanation (which quotes the URL)
     */
    public static @Nullable String problem(String url, int maxLength) {
        try {
            TargetParser.parse(TargetParser.parseUri(url), maxLength);
            return null;
        } catch (FetchAbort abort) {
            // localhost is a well-formed URL; the address policy refuses it when it is fetched.
            return abort.refused().failure() == FetchFailure.BAD_URL ? abort.refused().detail() : null;
        }
    }

    /**
     * Says what is wrong with a URL object, if anything.
     *
     * @param uri the URL
     * @param maxLength the longest URL accepted, in characters
     * @return null if the URL passes, else an English explanation
     */
    public static @Nullable String problem(URI uri, int maxLength) {
        return problem(uri.toString(), maxLength);
    }

    /**
     * Whether a reference found in a page (an {@code href}, a {@code Link} target) is one that URL parsers read
     * differently, before it is resolved: after trimming the spaces and controls around it (as browsers do), it
     * holds a backslash or a control character, or it names the http(s) scheme without exactly two slashes and a
     * host without user-info after it. Spaces and other characters that browsers percent-encode in a path or query
     * are not ambiguous; the resolved URL is then judged by {@link #problem(String, int)}.
     *
     * @param reference the reference as written, entities decoded
     * @return true if it must be dropped
     */
    public static boolean ambiguousReference(String reference) {
        int start = 0;
        int end = reference.length();
        while (start < end && reference.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && reference.charAt(end - 1) <= ' ') {
            end--;
        }
        for (int i = start; i < end; i++) {
            char c = reference.charAt(i);
            if (c == '\\' || c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        String trimmed = reference.substring(start, end).toLowerCase(Locale.ROOT);
        int rest = trimmed.startsWith("http:") ? 5 : trimmed.startsWith("https:") ? 6 : -1;
        if (rest < 0) {
            return false;
        }
        if (!trimmed.startsWith("//", rest) || trimmed.startsWith("///", rest)) {
            return true;
        }
        int authorityEnd = rest + 2;
        while (authorityEnd < trimmed.length() && "/?#".indexOf(trimmed.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        return authorityEnd == rest + 2 || trimmed.substring(rest + 2, authorityEnd).indexOf('@') >= 0;
    }
}
