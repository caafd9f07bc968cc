package dev.parley.pingback.verify.internal;

import dev.parley.pingback.Fault;
import dev.parley.pingback.fetch.FetchResult;
import dev.parley.pingback.fetch.SafeFetcher;
import dev.parley.pingback.verify.SourceReport;
import dev.parley.pingback.verify.SourceVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a source and hands the page to the analyzer matching its media type. Immutable and thread-safe.
 */
public final class SourceReader {

    private static final Logger LOG = LoggerFactory.getLogger(SourceReader.class);

    private final PageAnalyzer analyzer;

    /**
     * Creates a reader.
     *
     * @param analyzer the analyzer pages go to
     */
    public SourceReader(PageAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Fetches and reads a source.
     *
     * @param fetcher the fetcher
     * @param source the canonical source URL
     * @param target the canonical target URL
     * @return the outcome; never an exception for anything the source does
     */
    public SourceVerification read(SafeFetcher fetcher, String source, String target) {
        FetchResult result = fetcher.fetch(source);
        if (result instanceof FetchResult.Refused refused) {
            LOG.debug("source {} refused: {} {}", source, refused.failure(), refused.detail());
            return new SourceVerification.Unavailable(FetchFaults.fault(refused), FetchFaults.message(refused),
                    refused);
        }
        FetchResult.Fetched page = (FetchResult.Fetched) result;
        String finalUrl = Urls.canonical(page.uri().toString());
        if (finalUrl == null) {
            finalUrl = source;
        }
        try {
            SourceReport report = page.mediaType().equals("text/plain")
                    ? analyzer.analyzeText(page.body(), finalUrl, target)
                    : analyzer.analyze(page.body(), finalUrl, target);
            return new SourceVerification.Fetched(finalUrl, report);
        } catch (RuntimeException e) {
            // A page must never become an exception for the caller; reaching this is a bug, so it is logged.
            LOG.warn("reading source {} for target {} failed", finalUrl, target, e);
            return new SourceVerification.Unavailable(Fault.SOURCE_NOT_FOUND, "source page could not be read",
                    null);
        }
    }
}
