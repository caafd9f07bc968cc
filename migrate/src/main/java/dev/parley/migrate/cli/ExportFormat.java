package dev.parley.migrate.cli;

import dev.parley.migrate.CommentWriter;
import dev.parley.migrate.disqus.DisqusWriter;
import dev.parley.migrate.wxr.WxrWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The formats {@code export --format} writes, by their names on the command line.
 *
 * <p>Immutable and thread-safe.
 */
enum ExportFormat {
    /** WordPress eXtended RSS 1.2, which WordPress's importer reads. */
    WXR {
        @Override
        CommentWriter writer(@Nullable String siteUrl) {
            WxrWriter.Builder builder = WxrWriter.builder();
            if (siteUrl != null) {
                builder.siteUrl(siteUrl);
            }
            return builder.build();
        }
    },
    /** Disqus's custom XML import format. */
    DISQUS {
        @Override
        CommentWriter writer(@Nullable String siteUrl) {
            DisqusWriter.Builder builder = DisqusWriter.builder();
            if (siteUrl != null) {
                builder.siteUrl(siteUrl);
            }
            return builder.build();
        }
    };

    /**
     * Returns a writer of the format.
     *
     * @param siteUrl the site's address, the base of each thread's link, or null for the writer's default
     * @return the writer
     * @throws IllegalArgumentException if the address is not an absolute http or https URL
     */
    abstract CommentWriter writer(@Nullable String siteUrl);

    /**
     * Returns the name on the command line.
     *
     * @return the lower-case name
     */
    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code --format}'s value, in any case. */
    static final class Converter implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            for (ExportFormat format : values()) {
                if (format.cliName().equalsIgnoreCase(value.strip())) {
                    return format;
                }
            }
            throw new TypeConversionException("expected one of wxr, disqus; was '" + value + "'");
        }
    }

    /** The names, for the help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(ExportFormat::cliName).iterator();
        }
    }
}
