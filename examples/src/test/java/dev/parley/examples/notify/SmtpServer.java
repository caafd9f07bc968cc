package dev.parley.examples.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server in the test JVM (GreenMail) on a port of its own that survives a stop and a start, so a
 * mailer configured once sees the server go down and come back.
 */
final class SmtpServer implements AutoCloseable {

    private final int port;
    private GreenMail greenMail;
    /** Mails received by servers stopped since, so a restart loses none of what arrived before it. */
    private final List<Received> earlier = new ArrayList<>();

    SmtpServer() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    int port() {
        return port;
    }

    void start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    void stop() {
        earlier.addAll(current());
        greenMail.stop();
    }

    /** Every mail received so far, in order of arrival. */
    List<Received> received() {
        List<Received> all = new ArrayList<>(earlier);
        all.addAll(current());
        return all;
    }

    private List<Received> current() {
        List<Received> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            mails.add(Received.of(message));
        }
        return mails;
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /**
     * A mail as the server received it.
     *
     * @param to the To header's addresses
     * @param from the From header
     * @param subject the subject
     * @param headers the headers a notification adds, by name
     * @param text the text/plain part
     * @param html the text/html part
     */
    record Received(List<String> to, String from, String subject, Map<String, String> headers, String text,
            String html) {

        static Received of(MimeMessage message) {
            try {
                List<String> to = new ArrayList<>();
                for (var address : message.getRecipients(Message.RecipientType.TO)) {
                    to.add(address.toString());
                }
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : List.of("List-Unsubscribe", "List-Unsubscribe-Post", "Auto-Submitted")) {
                    String value = message.getHeader(name, ",");
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                String text = "";
                String html = "";
                Multipart parts = (Multipart) message.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = part.getContent().toString();
                    } else if (part.isMimeType("text/html")) {
                        html = part.getContent().toString();
                    }
                }
                return new Received(List.copyOf(to), message.getFrom()[0].toString(), message.getSubject(),
                        headers, text.replace("\r\n", "\n"), html.replace("\r\n", "\n"));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("could not read a received mail", e);
            }
        }
    }
}
