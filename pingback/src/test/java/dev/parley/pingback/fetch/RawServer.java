package dev.parley.pingback.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP server that answers every connection with bytes the test writes itself, for responses no real
 * HTTP server would send (malformed heads, broken framing, a trickled status line).
 */
final class RawServer implements AutoCloseable {

    /** Writes the raw response. */
    @FunctionalInterface
    interface Responder {
        void respond(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private RawServer(Responder responder, boolean readRequest) throws IOException {
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        acceptor = new Thread(() -> acceptLoop(responder, readRequest), "raw-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static RawServer answering(Responder responder) {
        return start(responder, true);
    }

    /** Answers as soon as a connection is accepted, without waiting for an HTTP request (e.g. during TLS). */
    static RawServer answeringAtOnce(Responder responder) {
        return start(responder, false);
    }

    private static RawServer start(Responder responder, boolean readRequest) {
        try {
            return new RawServer(responder, readRequest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawServer answering(String response) {
        return answering(out -> out.write(response.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private void acceptLoop(Responder responder, boolean readRequest) {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                if (readRequest) {
                    requests.add(readHead(connection.getInputStream()));
                }
                OutputStream out = connection.getOutputStream();
                responder.respond(out);
                out.flush();
            } catch (IOException e) {
                // The fetcher may close first; the next connection is independent.
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    AddressPolicy allowance() {
        return AddressPolicy.publicUnicast().allowing(socket.getInetAddress(), socket.getLocalPort());
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
