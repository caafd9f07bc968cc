package dev.parley.migrate.remark42;

import dev.parley.migrate.ImportFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * The file seen one line at a time, for a JSON parser per line: the stream ends at the line's {@code \n}
 * (which it does not give), and {@link #nextLine()} moves to the next line. No line is held whole, so a meta
 * header listing a million users is parsed, and skipped, token by token.
 *
 * <p>Closing it does nothing: each line's parser closes it, and the file stays open for the next line.
 *
 * <p>Not thread-safe.
 */
final class LineInput extends InputStream {

    private final InputStream in;
    private final byte[] chunk = new byte[65_536];
    private int position;
    private int limit;
    private boolean end;
    private boolean lineEnded = true;
    private int number;

    LineInput(InputStream in) {
        this.in = in;
    }

    /**
     * Moves to the start of the next line, skipping what the last one had left.
     *
     * @return false at the end of the file
     * @throws IOException if reading fails
     * @throws ImportFormatException if the file is a gzip stream that is truncated or damaged
     */
    boolean nextLine() throws IOException {
        while (!lineEnded) {
            if (!buffered(number)) {
                lineEnded = true;
                break;
            }
            int at = position;
            while (at < limit && chunk[at] != '\n') {
                at++;
            }
            position = at;
            if (at < limit) {
                position++;
                lineEnded = true;
            }
        }
        if (!buffered(number + 1)) {
            return false;
        }
        number++;
        lineEnded = false;
        return true;
    }

    /**
     * Returns the current line's number.
     *
     * @return the number, from 1
     */
    int number() {
        return number;
    }

    @Override
    public int read() throws IOException {
        if (lineEnded) {
            return -1;
        }
        if (!buffered(number)) {
            lineEnded = true;
            return -1;
        }
        byte b = chunk[position++];
        if (b == '\n') {
            lineEnded = true;
            return -1;
        }
        return b & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (lineEnded) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        if (!buffered(number)) {
            lineEnded = true;
            return -1;
        }
        int stop = Math.min(limit, position + length);
        int at = position;
        while (at < stop && chunk[at] != '\n') {
            at++;
        }
        int count = at - position;
        System.arraycopy(chunk, position, buffer, offset, count);
        position = at;
        if (at < stop) {
            position++;
            lineEnded = true;
            return count == 0 ? -1 : count;
        }
        return count;
    }

    /** Leaves the file open: it outlives each line's parser. */
    @Override
    public void close() {
    }

    /**
     * Makes sure unread bytes are in the chunk.
     *
     * @param line the line being read, for the error
     * @return false at the end of the file
     */
    private boolean buffered(int line) throws IOException {
        if (position < limit) {
            return true;
        }
        if (end) {
            return false;
        }
        try {
            // A BufferedInputStream's bulk read goes on reading the stream beneath while it says more is
            // available, and when a truncated gzip stream then fails, what it had read is lost and the error
            // would name an earlier line. So: one byte, which reads the stream beneath at most once, then no more
            // than that made available (a gzip stream counts itself as one byte while not at its end).
            int first = in.read();
            if (first < 0) {
                end = true;
                return false;
            }
            chunk[0] = (byte) first;
            int more = Math.min(chunk.length - 1, in.available() - 1);
            limit = more <= 0 ? 1 : 1 + Math.max(0, in.read(chunk, 1, more));
            position = 0;
            return true;
        } catch (EOFException | ZipException e) {
            throw new ImportFormatException("the gzip stream is truncated or damaged (" + e.getMessage() + ")",
                    line, -1, e);
        }
    }
}
