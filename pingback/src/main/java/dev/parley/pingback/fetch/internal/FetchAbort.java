package dev.parley.pingback.fetch.internal;

import dev.parley.pingback.fetch.FetchFailure;
import dev.parley.pingback.fetch.FetchResult;

/**
 * Ends a fetch early with a refusal. Internal control flow only: {@link FetchEngine} turns it into a
 * {@link FetchResult.Refused} and it never leaves the fetcher.
 */
final class FetchAbort extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient FetchResult.Refused refused;

    FetchAbort(FetchFailure failure, String detail) {
        this(FetchResult.Refused.of(failure, detail));
    }

    FetchAbort(FetchResult.Refused refused) {
        super(refused.detail(), null, false, false);
        this.refused = refused;
    }

    FetchResult.Refused refused() {
        return refused;
    }
}
