package dev.parley.pingback.verify;

import dev.parley.pingback.Fault;
import dev.parley.pingback.fetch.FetchResult;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link LinkVerifier#verifySource(String, String)}: the source was fetched and read
 * ({@link Fetched}, which says whether it links to the target), or it could not be ({@link Unavailable}).
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface SourceVerification permits SourceVerification.Fetched, SourceVerification.Unavailable {

    /**
     * The source was fetched and read.
     *
     * <p>Immutable and thread-safe.
     *
     * @param finalUrl the canonical URL of the page read, after redirects (the base its links resolved against
     *     unless it has a {@code <base href>})
     * @param report what the page says about the target, {@link SourceReport#linksToTarget()} included
     */
    record Fetched(String finalUrl, SourceReport report) implements SourceVerification {

        /**
         * Checks both components.
         *
         * @throws NullPointerException naming the component, if one is null
         */
        public Fetched {
            Objects.requireNonNull(finalUrl, "finalUrl must not be null");
            Objects.requireNonNull(report, "report must not be null");
        }
    }

    /**
     * The source could not be fetched or read.
     *
     * <p>Immutable and thread-safe.
     *
     * @param fault the Pingback fault this maps to: {@link Fault#SOURCE_NOT_FOUND} when the source does not
     *     exist for us (bad URL, refused address, unknown host, 4xx, not a page), {@link Fault#UPSTREAM_ERROR}
     *     when the source's server failed (connection, time-out, TLS, broken HTTP, too many redirects, 5xx)
     * @param message a reason safe to send to the remote party: it never names addresses or internal detail
     * @param refusal the fetcher's refusal with its full detail (for logs), or null when the source URL was
     *     rejected before any fetch
     */
    record Unavailable(Fault fault, String message, FetchResult.@Nullable Refused refusal)
            implements SourceVerification {

        /**
         * Checks the components.
         *
         * @throws NullPointerException naming the component, if a required one is null
         */
        public Unavailable {
            Objects.requireNonNull(fault, "fault must not be null");
            Objects.requireNonNull(message, "message must not be null");
        }

        /**
         * Returns whether the source answered 410 Gone: for Webmention, it was deleted on purpose.
         *
         * @return true for a 410 answer
         */
        public boolean gone() {
            return refusal != null && refusal.status() == 410;
        }
    }
}
