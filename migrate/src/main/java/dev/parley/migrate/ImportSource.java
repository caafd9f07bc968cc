package dev.parley.migrate;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A source file an importer reads, possibly more than once (the importer checks the whole file before it
 * writes anything, then reads it again to write). A gzip-compressed file is decompressed on the fly, whatever
 * its name: the first two bytes tell.
 *
 * <p>It counts the bytes read from the file itself (compressed bytes, for a gzip file) since the last
 * {@link #open()}, so progress can be told against {@link #size()}.
 *
 * <p>Thread-safe; a stream it opens is for one thread.
 */
public final class ImportSource {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final Path path;
    private final AtomicLong bytesRead = new AtomicLong();

    private ImportSource(Path path) {
        this.path = path;
    }

    /**
     * Returns the source for a file.
     *
     * @param path the file
     * @return the source
     * @throws IllegalArgumentException if the file does not exist or is not a regular file
     */
    public static ImportSource of(Path path) {
        Objects.requireNonNull(path, "path must not be null");
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file: " + path);
        }
        return new ImportSource(path);
    }

    /**
     * Returns the file.
     *
     * @return the path
     */
    public Path path() {
        return path;
    }

    /**
     * Returns the file's size in bytes, as stored (compressed, for a gzip file).
     *
     * @return the size
     * @throws UncheckedIOException if the file cannot be read
     */
    public long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + path, e);
        }
    }

    /**
     * Tells whether the file is gzip-compressed.
     *
     * @return true if it starts with the gzip magic bytes
     * @throws UncheckedIOException if the file cannot be read
     */
    public boolean isGzip() {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * Opens the file from its start, decompressed if it is gzip, and resets {@link #bytesRead()}.
     *
     * @return a buffered stream of the (decompressed) content; the caller closes it
     * @throws UncheckedIOException if the file cannot be opened
     * @throws ImportFormatException if the file starts like gzip but its header is cut short or damaged
     */
    public InputStream open() {
        bytesRead.set(0);
        boolean gzip = isGzip();
        InputStream counted;
        try {
            counted = new Counting(Files.newInputStream(path), bytesRead);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
        if (!gzip) {
            return new BufferedInputStream(counted, 65_536);
        }
        try {
            return new BufferedInputStream(new GZIPInputStream(counted, 65_536), 65_536);
        } catch (IOException e) {
            try {
                counted.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof EOFException || e instanceof ZipException) {
                throw new ImportFormatException("the gzip header of " + path.getFileName() + " is truncated or"
                        + " damaged: " + e.getMessage(), -1, -1, e);
            }
            throw new UncheckedIOException("cannot open " + path, e);
        }
    }

    /**
     * Returns how many bytes of the file the last stream opened has read.
     *
     * @return the bytes read, of {@link #size()}
     */
    public long bytesRead() {
        return bytesRead.get();
    }

    @Override
    public String toString() {
        return path.toString();
    }

    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count.addAndGet(skipped);
            return skipped;
        }
    }
}
