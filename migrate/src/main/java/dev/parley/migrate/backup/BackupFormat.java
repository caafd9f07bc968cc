package dev.parley.migrate.backup;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The names and the JSON factory of Parley's backup format, shared by the writer and the reader.
 *
 * <p>Thread-safe: the factory is immutable once built.
 */
final class BackupFormat {

    /** The header's {@code format}. */
    static final String FORMAT = "parley-backup";
    /** The header's {@code version}: the one this module writes and reads. */
    static final int VERSION = 1;

    /**
     * The factory: the caller's stream is neither closed by a generator or a parser, and root values are
     * separated by nothing, since the writer ends each line itself.
     */
    static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .rootValueSeparator((String) null)
            .build();

    private BackupFormat() {
    }
}
