package dev.parley.pingback.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of {@link SafeFetcher#fetch(URI)}: the page ({@link Fetched}) or why there is none ({@link Refused}).
 * Both are immutable values, safe to share between threads.
 */
public sealed interface FetchResult permits FetchResult.Fetched, FetchResult.Refused {

    /**
     * A page that passed every check: a 2xx response with an accepted media type, within the byte cap.
     *
     * @param uri the URL of the final hop, after redirects, without fragment: the base for resolving relative links
     * @param status the HTTP status, 200 to 299
     * @param mediaType the media type without parameters, lower case, for example {@code text/html}
     * @param charset the charset the body was decoded with (byte order mark, then the {@code Content-Type} header,
     *     then the page's {@code <meta>}, then UTF-8)
     * @param body the decoded text, without a byte order mark
     * @param headers the final response's headers: names in lower case, values in received order (for example
     *     {@code link} and {@code x-pingback} for discovery)
     */
    record Fetched(URI uri, int status, String mediaType, Charset charset, String body,
                   Map<String, List<String>> headers) implements FetchResult {

        /** Checks every field and copies the headers into an immutable, lower-case keyed map. */
        public Fetched {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(charset, "charset");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(headers, "headers");
            if (status < 200 || status > 299) {
                throw new IllegalArgumentException("status must be 2xx: " + status);
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
    }

    /**
     * A fetch that was refused, with the reason as data. A refused {@link SafeFetcher#post(URI, String, byte[])}
     * reports the same value (it is also a {@link PostResult}).
     *
     * @param failure why
     * @param detail a human-readable explanation for logs (names the URL or address involved); never shown to the
     *     remote party as-is
     * @param status the HTTP status when {@code failure} is {@link FetchFailure#HTTP_STATUS} (100 to 599), else 0
     */
    record Refused(FetchFailure failure, String detail, int status) implements FetchResult, PostResult {

        /** Checks that a status is present exactly when the failure is {@link FetchFailure#HTTP_STATUS}. */
        public Refused {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
            if (failure == FetchFailure.HTTP_STATUS ? status < 100 || status > 599 : status != 0) {
                throw new IllegalArgumentException("status must be 100..599 for HTTP_STATUS and 0 otherwise: "
                        + failure + " " + status);
            }
        }

        /**
         * A refusal without an HTTP status.
         *
         * @param failure why, anything but {@link FetchFailure#HTTP_STATUS}
         * @param detail the explanation
         * @return the refusal
         */
        public static Refused of(FetchFailure failure, String detail) {
            return new Refused(failure, detail, 0);
        }

        /**
         * Returns the HTTP status of an {@link FetchFailure#HTTP_STATUS} refusal, for example 404 or 410 Gone.
         *
         * @return the status, or empty for other failures
         */
        public OptionalInt httpStatus() {
            return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
        }
    }
}
