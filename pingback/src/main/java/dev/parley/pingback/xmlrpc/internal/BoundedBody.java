package dev.parley.pingback.xmlrpc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads a request body into memory, never more than a cap plus one byte. Not API.
 *
 * <p>Stateless and thread-safe.
 */
public final class BoundedBody {

    private static final int FIRST_CHUNK = 8 * 1024;

    private BoundedBody() {
    }

    /**
     * Reads {@code in} to its end, or until one byte more than {@code maxBytes} has been read.
     *
     * <p>The extra byte is how an oversized body is told apart from one of exactly {@code maxBytes}; reading
     * stops there, so a client that keeps sending cannot make the server buffer more. The stream is not closed.
     *
     * @param in the body
     * @param maxBytes the largest body accepted
     * @return the bytes read, or null if the body is longer than {@code maxBytes}
     * @throws IOException if reading fails
     */
    public static byte @Nullable [] read(InputStream in, int maxBytes) throws IOException {
        int limit = maxBytes + 1;
        byte[] buffer = new byte[Math.min(limit, FIRST_CHUNK)];
        int count = 0;
        while (count < limit) {
            if (count == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(limit, 2L * buffer.length));
            }
            int n = in.read(buffer, count, buffer.length - count);
            if (n < 0) {
                return count == buffer.length ? buffer : Arrays.copyOf(buffer, count);
            }
            count += n;
        }
        return null;
    }
}
