package dev.parley.examples.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what {@code HttpClient} cannot do: announce a body and send only part of
 * it, or read the answer while the body is still being sent.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** An answer: the status and the body as text (decoded as UTF-8; only read up to the connection's end). */
    record Answer(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return "";
        }
    }

    /**
     * Sends the head with this {@code Content-Length} and {@code prefix} of the body, then reads the answer
     * without sending the rest.
     */
    static Answer announceAndRead(String base, String method, String path, String contentType, long contentLength,
            byte[] prefix) throws IOException {
        return announceAndRead(base, method, path, contentType, contentLength, prefix, "");
    }

    /** As {@link #announceAndRead(String, String, String, String, long, byte[])}, with more header lines. */
    static Answer announceAndRead(String base, String method, String path, String contentType, long contentLength,
            byte[] prefix, String headerLines) throws IOException {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + contentLength
                    + "\r\n" + headerLines + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(prefix);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** Sends a chunked body of this many bytes of {@code filler}, reading the answer as soon as one comes. */
    static Answer chunked(String base, String path, String contentType, long bytes, byte filler) throws IOException {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[16 * 1024];
            java.util.Arrays.fill(chunk, filler);
            InputStream in = socket.getInputStream();
            try {
                for (long sent = 0; sent < bytes && in.available() == 0; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // The server answered and closed while the body was still going: its answer is in the stream.
            }
            return read(in);
        }
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        for (int b; state < 4 && (b = in.read()) >= 0; ) {
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : (b == '\r' ? 1 : 0);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        if (headText.isEmpty()) {
            throw new IOException("the server closed the connection without an answer");
        }
        String statusLine = headText.substring(0, headText.indexOf("\r\n"));
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Answer partial = new Answer(status, headText, "");
        String length = partial.header("Content-Length");
        byte[] body;
        if (!length.isEmpty()) {
            body = in.readNBytes(Integer.parseInt(length));
        } else if (partial.header("Transfer-Encoding").equalsIgnoreCase("chunked")) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                StringBuilder size = new StringBuilder();
                for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
                    if (b != '\r') {
                        size.append((char) b);
                    }
                }
                int n = Integer.parseInt(size.toString().split(";")[0].strip(), 16);
                if (n == 0) {
                    break;
                }
                all.write(in.readNBytes(n));
                in.readNBytes(2);
            }
            body = all.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headText, new String(body, StandardCharsets.UTF_8));
    }
}
