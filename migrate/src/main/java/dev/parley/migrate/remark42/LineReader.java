package dev.parley.migrate.remark42;

import dev.parley.migrate.ImportFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Splits a byte stream into lines, as bytes, so that each is parsed on its own and a broken one is reported
 * by its number. A line ends at {@code \n}; a {@code \r} before it is dropped, and so is a UTF-8 byte order
 * mark at the start of the file.
 *
 * <p>Not thread-safe.
 */
final class LineReader {

    /** The longest line read: far past any Remark42 comment, and a bound on memory for a file without newlines. */
    static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final byte[] chunk = new byte[65_536];
    private int position;
    private int limit;
    private boolean end;
    private byte[] line = new byte[8_192];
    private int start;
    private int length;
    private int number;

    LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next line.
     *
     * @return false at the end of the stream
     * @throws IOException if reading fails
     * @throws ImportFormatException if the line is longer than {@link #MAX_LINE_BYTES}, or the file is a gzip
     *     stream that is truncated or damaged
     */
    boolean next() throws IOException {
        if (end) {
            return false;
        }
        start = 0;
        length = 0;
        boolean read = false;
        while (true) {
            if (position == limit) {
                int n = fill();
                if (n < 0) {
                    end = true;
                    if (!read) {
                        return false;
                    }
                    break;
                }
                position = 0;
                limit = n;
            }
            read = true;
            int from = position;
            while (position < limit && chunk[position] != '\n') {
                position++;
            }
            append(from, position - from);
            if (position < limit) {
                position++;
                break;
            }
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (number == 1 && length >= BOM.length && Arrays.equals(line, 0, BOM.length, BOM, 0, BOM.length)) {
            start = BOM.length;
        }
        return true;
    }

    private int fill() throws IOException {
        try {
            // A BufferedInputStream's bulk read goes on reading the stream beneath while it says more is
            // available, and when a truncated gzip stream then fails, what it had read is lost and the error
            // would name an earlier line. So: one byte, which reads the stream beneath at most once, then no more
            // than that made available (a gzip stream counts itself as one byte while not at its end).
            int first = in.read();
            if (first < 0) {
                return -1;
            }
            chunk[0] = (byte) first;
            int more = Math.min(chunk.length - 1, in.available() - 1);
            return more <= 0 ? 1 : 1 + Math.max(0, in.read(chunk, 1, more));
        } catch (EOFException | ZipException e) {
            throw new ImportFormatException("the gzip stream is truncated or damaged (" + e.getMessage() + ")",
                    number + 1, -1, e);
        }
    }

    private void append(int from, int count) {
        if ((long) length + count > MAX_LINE_BYTES) {
            throw new ImportFormatException("the line is longer than " + MAX_LINE_BYTES + " bytes", number + 1, -1,
                    null);
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(length + count, line.length * 2)));
        }
        System.arraycopy(chunk, from, line, length, count);
        length += count;
    }

    /**
     * Tells whether the current line holds only JSON whitespace.
     *
     * @return true if it is empty or blank
     */
    boolean blank() {
        for (int i = start; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Returns the buffer holding the current line, from {@link #start()} for {@link #length()} bytes. */
    byte[] buffer() {
        return line;
    }

    /** Returns where the current line starts in {@link #buffer()}. */
    int start() {
        return start;
    }

    /** Returns the current line's length in bytes, without its end. */
    int length() {
        return length - start;
    }

    /** Returns the current line's number, from 1. */
    int number() {
        return number;
    }
}
