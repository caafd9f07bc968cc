package dev.parley.pingback.fetch.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/**
 * Decodes the chunked transfer coding (RFC 9112 section 7.1). Chunk extensions are ignored, trailer fields are
 * read and discarded within the same limits as the header section. A truncated or malformed stream is an error,
 * never a silently short body. Not thread-safe.
 */
final class ChunkedInputStream extends InputStream {

    private static final int MAX_SIZE_DIGITS = 15;

    private final InputStream in;
    private long remainingInChunk;
    private boolean done;

    ChunkedInputStream(InputStream in) {
        this.in = in;
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
        if (done || (remainingInChunk == 0 && !nextChunk())) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remainingInChunk));
        if (n < 0) {
            throw new EOFException("connection closed inside a chunk");
        }
        remainingInChunk -= n;
        if (remainingInChunk == 0) {
            expectLineEnd();
        }
        return n;
    }

    /** Reads the next chunk-size line; returns false at the last chunk after skipping the trailers. */
    private boolean nextChunk() throws IOException {
        int[] budget = {HeadReader.MAX_HEAD_BYTES};
        String line = HeadReader.readLine(in, budget);
        int semicolon = line.indexOf(';');
        String digits = (semicolon >= 0 ? line.substring(0, semicolon) : line).strip();
        if (digits.isEmpty() || digits.length() > MAX_SIZE_DIGITS) {
            throw new ProtocolException("bad chunk size line");
        }
        long size = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), 16);
            if (d < 0) {
                throw new ProtocolException("bad chunk size line");
            }
            size = size * 16 + d;
        }
        if (size == 0) {
            int fields = 0;
            while (!HeadReader.readLine(in, budget).isEmpty()) {
                if (++fields > HeadReader.MAX_FIELDS) {
                    throw new ProtocolException("too many trailer fields");
                }
            }
            done = true;
            return false;
        }
        remainingInChunk = size;
        return true;
    }

    private void expectLineEnd() throws IOException {
        int[] budget = {2};
        if (!HeadReader.readLine(in, budget).isEmpty()) {
            throw new ProtocolException("missing CRLF after chunk data");
        }
    }
}
