package dev.parley.pingback.fetch.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Bounds every read by what is left of the fetch's time cap. A socket read timeout alone restarts with each byte,
 * so a server trickling one byte per second could hold the thread forever; here each read may wait at most until
 * the deadline, and no read starts after it. Not thread-safe: one fetch reads it.
 */
final class DeadlineInputStream extends FilterInputStream {

    private final Socket socket;
    private final Deadline deadline;

    DeadlineInputStream(Socket socket, InputStream in, Deadline deadline) {
        super(in);
        this.socket = socket;
        this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
        arm();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        arm();
        return super.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        arm();
        return super.skip(n);
    }

    private void arm() throws IOException {
        long remaining = deadline.remainingMillis();
        if (remaining <= 0) {
            throw new SocketTimeoutException("time cap reached");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
    }
}
