/**
 * {@code parley-mail}: {@link dev.parley.mail.SmtpMailer}, parley-core's {@link dev.parley.core.mail.Mailer}
 * over SMTP on Eclipse Angus Mail.
 */
module dev.parley.mail {
    requires transitive dev.parley.core;
    requires jakarta.mail;
    // transitive: @Nullable appears in exported signatures (-Xlint:exports)
    requires static transitive org.jspecify;

    exports dev.parley.mail;
}
