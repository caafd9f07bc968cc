package dev.parley.core.notify;

import dev.parley.core.mail.MailException;
import dev.parley.core.mail.MailMessage;
import dev.parley.core.mail.Mailer;
import java.util.ArrayList;
import java.util.List;

/** Keeps what it was given; while down it refuses everything as an SMTP server that is unreachable would. */
final class RecordingMailer implements Mailer {

    private final List<MailMessage> sent = new ArrayList<>();
    private boolean down;
    private int refused;

    @Override
    public synchronized void send(MailMessage message) {
        if (down) {
            refused++;
            throw new MailException("connection refused");
        }
        sent.add(message);
    }

    synchronized void down(boolean value) {
        down = value;
    }

    synchronized int refused() {
        return refused;
    }

    synchronized List<MailMessage> sent() {
        return List.copyOf(sent);
    }

    /** The mails sent since the last call. */
    synchronized List<MailMessage> take() {
        List<MailMessage> taken = List.copyOf(sent);
        sent.clear();
        return taken;
    }
}
