package dev.parley.pingback.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link SafeFetcher#post(URI, String, byte[])}: the server's answer, whatever its status
 * ({@link Answered}), or why no answer could be had ({@link FetchResult.Refused}, the same refusal a GET reports,
 * never with {@link FetchFailure#HTTP_STATUS} or {@link FetchFailure#UNSUPPORTED_CONTENT_TYPE}). Both are
 * immutable values, safe to share between threads.
 */
public sealed interface PostResult permits PostResult.Answered, FetchResult.Refused {

    /**
     * The final answer to a POST, of any status and any media type: a 400 with a reason, an XML-RPC fault and a
     * TrackBack error are answers too.
     *
     * @param uri the URL that gave this answer, after redirects, without fragment: the base for a relative
     *     {@code Location}
     * @param status the HTTP status, 200 to 599 (a {@code 303 See Other} is a final answer, see
     *     {@link SafeFetcher#post(URI, String, byte[])})
     * @param mediaType the media type without parameters, lower case, or the empty string when the answer has no
     *     usable {@code Content-Type}
     * @param charset the charset the body was decoded with (byte order mark, then the {@code Content-Type} charset,
     *     then an XML declaration's encoding for XML types, then UTF-8)
     * @param body the decoded text, without a byte order mark, at most the fetcher's byte cap
     * @param headers the answer's headers: names in lower case, values in received order
     */
    record Answered(URI uri, int status, String mediaType, Charset charset, String body,
                    Map<String, List<String>> headers) implements PostResult {

        /** Checks every field and copies the headers into an immutable, lower-case keyed map. */
        public Answered {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(charset, "charset");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(headers, "headers");
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException("status must be 200..599: " + status);
            }
            headers = Headers.normalized(headers);
        }

        /**
         * Returns every value of a header, in received order.
         *
         * @param name the header name, any case
         * @return the values, empty if absent
         */
        public List<String> headerValues(String name) {
            return Headers.values(headers, name);
        }

        /**
         * Returns the first value of a header.
         *
         * @param name the header name, any case
         * @return the first value, or empty if absent
         */
        public Optional<String> header(String name) {
            return headerValues(name).stream().findFirst();
        }

        /**
         * Whether the status is 2xx.
         *
         * @return true for 200 to 299
         */
        public boolean successful() {
            return status >= 200 && status <= 299;
        }
    }
}
