package dev.parley.core.mail;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One e-mail to one recipient, with a plain-text and an HTML body of the same content. The sender is the
 * {@link Mailer}'s (configured once); extra headers carry what a notification needs, such as
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} (RFC 8058). Immutable and thread-safe.
 *
 * @param to the recipient's address
 * @param subject the subject, one line
 * @param text the plain-text body
 * @param html the HTML body (a whole document or a fragment), escaped by whoever built it
 * @param headers extra headers by name, in order; names are tokens, values one line each
 */
public record MailMessage(String to, String subject, String text, String html, Map<String, String> headers) {

    /** Headers a {@link Mailer} sets itself, which a message may not carry. */
    private static final Set<String> RESERVED = Set.of(
            "from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version", "content-type",
            "content-transfer-encoding", "sender", "reply-to");

    /**
     * Checks the components and copies the headers.
     *
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the recipient or subject is blank or holds a line break, or a header
     *     name is not a token, reserved, or its value holds a line break
     */
    public MailMessage {
        Objects.requireNonNull(to, "to must not be null");
        Objects.requireNonNull(subject, "subject must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(html, "html must not be null");
        Objects.requireNonNull(headers, "headers must not be null");
        oneLine(to, "to");
        if (to.isBlank() || to.indexOf('@') < 1) {
            throw new IllegalArgumentException("to must be an e-mail address, was \"" + to + "\"");
        }
        oneLine(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            Objects.requireNonNull(name, "header names must not be null");
            Objects.requireNonNull(value, () -> "header " + name + " must not be null");
            if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
                throw new IllegalArgumentException("header name must be a token, was \"" + name + "\"");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name + " is set by the mailer, not the message");
            }
            oneLine(value, "header " + name);
            copy.put(name, value);
        });
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    private static void oneLine(String value, String field) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(field + " must be one line");
        }
    }
}
