package dev.parley.migrate.cli;

import dev.parley.migrate.CommentReader;
import dev.parley.migrate.disqus.DisqusReader;
import dev.parley.migrate.isso.IssoReader;
import dev.parley.migrate.remark42.Remark42Reader;
import dev.parley.migrate.wxr.WxrReader;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The source formats {@code import --format} reads, by their names on the command line.
 *
 * <p>Immutable and thread-safe.
 */
enum ImportFormat {
    /** A WordPress export (WXR 1.0 to 1.2), or Disqus's WXR-based import format. */
    WXR(WxrReader::new),
    /** A Disqus XML export, as Disqus mails it (gzip or not). */
    DISQUS(DisqusReader::new),
    /** A Remark42 backup (JSON lines, gzip or not). */
    REMARK42(Remark42Reader::new),
    /** An Isso database (its SQLite file). */
    ISSO(IssoReader::new);

    private final Supplier<CommentReader> reader;

    ImportFormat(Supplier<CommentReader> reader) {
        this.reader = reader;
    }

    /**
     * Returns a reader of the format.
     *
     * @return a new reader
     */
    CommentReader reader() {
        return reader.get();
    }

    /**
     * Returns the name on the command line.
     *
     * @return the lower-case name
     */
    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code --format}'s value, in any case. */
    static final class Converter implements ITypeConverter<ImportFormat> {
        @Override
        public ImportFormat convert(String value) {
            for (ImportFormat format : values()) {
                if (format.cliName().equalsIgnoreCase(value.strip())) {
                    return format;
                }
            }
            throw new TypeConversionException("expected one of wxr, disqus, remark42, isso; was '" + value + "'");
        }
    }

    /** The names, for the help and completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(ImportFormat::cliName).iterator();
        }
    }
}
