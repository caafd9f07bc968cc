package dev.parley.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback SMTP peer that misbehaves on purpose, for the failures a real server rarely shows on demand: one
 * that accepts connections and never says a word, and one that refuses every recipient. Serves one connection at
 * a time on a daemon thread; {@link #close()} ends it.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String recipientAnswer;
    private final boolean silent;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private ScriptedSmtpServer(boolean silent, String recipientAnswer) throws IOException {
        this.silent = silent;
        this.recipientAnswer = recipientAnswer;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::serve, "scripted-smtp-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that accepts each connection and then never writes a byte. */
    static ScriptedSmtpServer silent() throws IOException {
        return new ScriptedSmtpServer(true, "");
    }

    /** A server that speaks SMTP but answers every RCPT TO with the given reply line. */
    static ScriptedSmtpServer refusingRecipients(String answer) throws IOException {
        return new ScriptedSmtpServer(false, answer);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                if (silent) {
                    continue;
                }
                converse(connection);
            } catch (IOException e) {
                // closed by close(), or the client hung up: either way this connection is over
            }
        }
    }

    private void converse(Socket connection) throws IOException {
        try (connection) {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = connection.getOutputStream();
            write(out, "220 scripted ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> write(out, "250-scripted\r\n250 8BITMIME");
                    case "HELO", "MAIL", "RSET", "NOOP" -> write(out, "250 OK");
                    case "RCPT" -> write(out, recipientAnswer);
                    case "QUIT" -> {
                        write(out, "221 bye");
                        return;
                    }
                    default -> write(out, "502 5.5.1 not implemented");
                }
            }
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
