package dev.parley.pingback.fetch.internal;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 exchange (a GET, or a POST with a body) over a socket that is already connected to a checked
 * address: optional TLS on top, the request, and the response head; the body is left in {@link #body()} for
 * {@link BodyReader}. The connection is always {@code Connection: close}, so there is no pooling and no state
 * between hops. Not thread-safe.
 */
final class HttpExchange implements Closeable {

    private final Socket socket;
    private final Watchdog.Guard guard;
    private final InputStream in;
    private final ResponseHead head;

    private HttpExchange(Socket socket, Watchdog.Guard guard, InputStream in, ResponseHead head) {
        this.socket = socket;
        this.guard = guard;
        this.in = in;
        this.head = head;
    }

    /** Runs a GET up to the end of the response head; on failure the socket is closed. */
    static HttpExchange start(Socket plain, Target target, FetchConfig config, Deadline deadline,
                              Watchdog.Guard guard) throws IOException {
        return start(plain, target, config, deadline, guard, request(target, config).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Sends {@code request} (head and body, already framed) and reads up to the end of the response head; on
     * failure the socket is closed.
     */
    static HttpExchange start(Socket plain, Target target, FetchConfig config, Deadline deadline,
                              Watchdog.Guard guard, byte[] request) throws IOException {
        Socket socket = plain;
        try {
            if (target.secure()) {
                socket = handshake(plain, target, config, deadline);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = new BufferedInputStream(new DeadlineInputStream(socket, socket.getInputStream(), deadline));
            return new HttpExchange(socket, guard, in, HeadReader.read(in));
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            closeQuietly(plain);
            throw e;
        }
    }

    private static SSLSocket handshake(Socket plain, Target target, FetchConfig config, Deadline deadline)
            throws IOException {
        SSLSocket ssl = (SSLSocket) config.sslSocketFactory().createSocket(plain, target.host(), target.port(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        // Verify the certificate against the name in the URL, not against the address we connected to.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (target.literal() == null) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(target.host())));
            } catch (IllegalArgumentException e) {
                // A name SNI cannot carry (e.g. with '_'): send none; the certificate check still applies.
                parameters.setServerNames(List.of());
            }
        }
        ssl.setSSLParameters(parameters);
        ssl.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, deadline.remainingMillis())));
        ssl.startHandshake();
        return ssl;
    }

    static String request(Target target, FetchConfig config) {
        return "GET " + target.requestTarget() + " HTTP/1.1\r\n"
                + "Host: " + target.hostHeader() + "\r\n"
                + "User-Agent: " + config.userAgent() + "\r\n"
                + "Accept: " + config.accept() + "\r\n"
                + "Accept-Encoding: gzip, deflate\r\n"
                + "Connection: close\r\n"
                + "\r\n";
    }

    /**
     * A POST of {@code body} with a {@code Content-Length} (never chunked, so every HTTP/1.1 server can read it)
     * and {@code Connection: close}; any media type is accepted in return.
     */
    static byte[] post(Target target, FetchConfig config, String contentType, byte[] body) {
        byte[] head = ("POST " + target.requestTarget() + " HTTP/1.1\r\n"
                + "Host: " + target.hostHeader() + "\r\n"
                + "User-Agent: " + config.userAgent() + "\r\n"
                + "Accept: */*\r\n"
                + "Accept-Encoding: gzip, deflate\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    ResponseHead head() {
        return head;
    }

    InputStream body() {
        return in;
    }

    @Override
    public void close() {
        guard.close();
        closeQuietly(socket);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing is left to read or write; a failed close changes no outcome.
        }
    }
}
