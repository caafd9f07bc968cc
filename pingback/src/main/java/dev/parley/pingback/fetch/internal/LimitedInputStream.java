package dev.parley.pingback.fetch.internal;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts bytes through a stream: ends it after an exact {@code Content-Length} (refusing a short body), or refuses
 * it once more than a cap has passed. Not thread-safe.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long exactLength;
    private final long cap;
    private final String what;
    private long count;

    private LimitedInputStream(InputStream in, long exactLength, long cap, String what) {
        super(in);
        this.exactLength = exactLength;
        this.cap = cap;
        this.what = what;
    }

    /** Exactly {@code length} bytes, then end of stream; a premature end is an {@link EOFException}. */
    static InputStream exactly(InputStream in, long length) {
        return new LimitedInputStream(in, length, Long.MAX_VALUE, "body");
    }

    /** At most {@code cap} bytes; one more is a {@link TooLargeException} naming {@code what}. */
    static InputStream capped(InputStream in, long cap, String what) {
        return new LimitedInputStream(in, -1, cap, what);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int want = len;
        if (exactLength >= 0) {
            if (count == exactLength) {
                return -1;
            }
            want = (int) Math.min(len, exactLength - count);
        } else {
            // Ask for one byte past the cap so that an exactly-full body is told apart from an over-long one.
            want = (int) Math.min(len, cap - count + 1);
        }
        int n = in.read(b, off, want);
        if (n < 0) {
            if (exactLength >= 0) {
                throw new EOFException("connection closed after " + count + " of " + exactLength + " body bytes");
            }
            return -1;
        }
        count += n;
        if (count > cap) {
            throw new TooLargeException(what + " larger than " + cap + " bytes");
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return Math.max(0, read(new byte[(int) Math.max(0, Math.min(n, 8_192))]));
    }

    @Override
    public int available() throws IOException {
        int available = in.available();
        return exactLength >= 0 ? (int) Math.min(available, exactLength - count) : available;
    }
}
