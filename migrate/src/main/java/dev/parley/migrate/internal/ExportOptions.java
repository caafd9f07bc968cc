package dev.parley.migrate.internal;

import dev.parley.storage.PageRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The checks the export builders share, each returning the problem as a sentence so that a builder can name
 * every bad option in one {@link IllegalArgumentException}.
 *
 * <p>Not API. Stateless and thread-safe.
 */
public final class ExportOptions {

    /** The page size an export reads the store with unless told otherwise: the largest a store must serve. */
    public static final int DEFAULT_PAGE_SIZE = PageRequest.MAX_LIMIT;

    private ExportOptions() {
    }

    /**
     * Checks a site address: an absolute {@code http} or {@code https} URL with a host.
     *
     * @param siteUrl the address
     * @param problems where a problem is added
     */
    public static void checkSiteUrl(@Nullable String siteUrl, List<String> problems) {
        if (siteUrl == null) {
            problems.add("site url must not be null");
            return;
        }
        try {
            URI uri = new URI(siteUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add("site url must be an absolute http or https URL, was \"" + siteUrl + "\"");
            }
        } catch (URISyntaxException e) {
            problems.add("site url must be an absolute http or https URL, was \"" + siteUrl + "\"");
        }
    }

    /**
     * Checks a page size.
     *
     * @param pageSize the size
     * @param problems where a problem is added
     */
    public static void checkPageSize(int pageSize, List<String> problems) {
        if (pageSize < 1 || pageSize > PageRequest.MAX_LIMIT) {
            problems.add("page size must be between 1 and " + PageRequest.MAX_LIMIT + ", was " + pageSize);
        }
    }

    /**
     * Throws when problems were found.
     *
     * @param problems the problems
     * @throws IllegalArgumentException naming them all, if there are any
     */
    public static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }
}
