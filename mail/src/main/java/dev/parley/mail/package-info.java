/**
 * {@link dev.parley.mail.SmtpMailer}: sends parley-core's {@link dev.parley.core.mail.MailMessage}s to an SMTP
 * server, as one {@code multipart/alternative} message each (plain text, then HTML), over plain SMTP, STARTTLS
 * or implicit TLS, with bounded timeouts.
 */
@NullMarked
package dev.parley.mail;

import org.jspecify.annotations.NullMarked;
