package dev.parley.migrate;

import dev.parley.storage.ThreadKey;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns a source's thread into the Parley thread key its comments are stored under: the host's page identity.
 * Getting this mapping right is what makes imported comments show up on the pages (a changed identifier is
 * the usual reason an import "succeeds" and nothing shows).
 *
 * <p>Implementations must be deterministic (the importer calls it in both of its passes) and thread-safe.
 */
@FunctionalInterface
public interface ThreadMapper {

    /**
     * Maps a thread.
     *
     * @param thread the source's thread
     * @return the Parley thread key
     * @throws IllegalArgumentException if the thread cannot be mapped; the import fails before writing
     */
    ThreadKey map(SourceThread thread);

    /**
     * Returns the default mapping: the path and query of the thread's link ({@code /2019/05/hello/},
     * {@code /?p=4}: WordPress's plain permalinks need the query), else the identifier, else
     * {@code source:} followed by the thread's source id. A key longer than {@value ThreadKey#MAX_LENGTH} characters is an
     * error.
     *
     * @return the mapping
     */
    static ThreadMapper byPath() {
        return thread -> {
            String link = thread.link();
            if (link != null && !link.isBlank()) {
                String path = pathAndQuery(link.strip());
                if (path != null) {
                    return ThreadKey.of(path);
                }
            }
            String identifier = thread.identifier();
            if (identifier != null && !identifier.isBlank()) {
                return ThreadKey.of(identifier.strip());
            }
            return ThreadKey.of("source:" + thread.id());
        };
    }

    /**
     * Returns a mapping that looks a thread up by its link, then by the path and query of its link, then by its
     * identifier, then by its source id, in {@code keys}, and leaves every thread it does not find to
     * {@code fallback}. This is how a host maps an old site's posts onto its own.
     *
     * @param keys thread keys by link, path, identifier or source id
     * @param fallback the mapping for the rest
     * @return the mapping
     */
    static ThreadMapper lookup(Map<String, ThreadKey> keys, ThreadMapper fallback) {
        Map<String, ThreadKey> copy = Map.copyOf(keys);
        Objects.requireNonNull(fallback, "fallback must not be null");
        return thread -> {
            String rawLink = thread.link();
            String link = rawLink == null ? null : rawLink.strip();
            if (link != null && copy.containsKey(link)) {
                return copy.get(link);
            }
            String path = link == null ? null : pathAndQuery(link);
            if (path != null && copy.containsKey(path)) {
                return copy.get(path);
            }
            String identifier = thread.identifier();
            if (identifier != null && copy.containsKey(identifier.strip())) {
                return copy.get(identifier.strip());
            }
            if (copy.containsKey(thread.id())) {
                return copy.get(thread.id());
            }
            return fallback.map(thread);
        };
    }

    private static @Nullable String pathAndQuery(String link) {
        try {
            URI uri = new URI(link);
            String path = uri.getRawPath();
            if (path == null) {
                return null;
            }
            if (path.isEmpty()) {
                path = "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
