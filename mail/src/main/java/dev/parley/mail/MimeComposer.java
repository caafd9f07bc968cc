package dev.parley.mail;

import dev.parley.core.mail.MailMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a {@link MailMessage} into the MIME message {@link SmtpMailer} sends. Stateless apart from its
 * immutable settings; thread-safe.
 */
final class MimeComposer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final InternetAddress from;
    private final String messageIdDomain;
    private final Clock clock;

    MimeComposer(InternetAddress from, Clock clock) {
        this.from = from;
        this.clock = clock;
        String address = from.getAddress();
        this.messageIdDomain = address.substring(address.lastIndexOf('@') + 1);
    }

    /**
     * Builds the message: From, To, Subject (RFC 2047 encoded when not ASCII), Date from the clock, a random
     * Message-ID in the sender's domain, the extra headers, and a {@code multipart/alternative} body with the
     * plain text first and the HTML last, as RFC 2046 orders them (last is preferred).
     *
     * @throws MessagingException if the recipient is not one valid address, or MIME assembly fails
     */
    MimeMessage compose(Session session, MailMessage message) throws MessagingException {
        InternetAddress to = recipient(message.to());
        MimeMessage mime = new FixedIdMimeMessage(session,
                "<" + UUID.randomUUID() + "@" + messageIdDomain + ">");
        mime.setFrom(from);
        mime.setRecipient(MimeMessage.RecipientType.TO, to);
        mime.setSubject(message.subject(), UTF_8);
        mime.setSentDate(Date.from(clock.instant()));
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), headerValue(header.getKey(), header.getValue()));
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.text(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), UTF_8, "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
        mime.saveChanges();
        return mime;
    }

    private static InternetAddress recipient(String to) throws MessagingException {
        // Strict parsing of exactly one address: "a@example.org, b@example.org" or a group is refused here,
        // so a message reaches the one recipient it names.
        InternetAddress address = new InternetAddress(to, true);
        address.validate();
        return address;
    }

    /**
     * An ASCII value goes out as given (folded at its spaces when long, which unfolding undoes); a value with
     * other characters is encoded as RFC 2047 words, since a header line carries ASCII only.
     */
    private static String headerValue(String name, String value) throws MessagingException {
        String ascii;
        if (value.chars().allMatch(c -> c < 127)) {
            ascii = value;
        } else {
            try {
                ascii = MimeUtility.encodeText(value, UTF_8, null);
            } catch (UnsupportedEncodingException e) {
                throw new MessagingException("UTF-8 is not supported", e);
            }
        }
        return MimeUtility.fold(name.length() + 2, ascii);
    }

    /** A MIME message whose Message-ID is the one given, instead of one made from the local host name. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
