package dev.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.parley.core.mail.MailException;
import dev.parley.core.mail.MailMessage;
import java.io.InputStream;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("SmtpMailer with implicit TLS and SMTP AUTH, against GreenMail")
class SmtpMailerSecurityTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(
            new com.icegreen.greenmail.util.ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(),
                // every address, so that 127.0.0.2 reaches it too (see implicitTlsChecksTheHostName)
                ServerSetupTest.SMTPS.createCopy("0.0.0.0").dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("blog@example.org", "blog", "s3cret"));

    private static MailMessage message() {
        return new MailMessage("reader@example.net", "A reply", "text", "<p>html</p>", Map.of());
    }

    /** Trusts exactly the test server's self-signed certificate, as a host trusts its company's authority. */
    private static SSLSocketFactory trustingTheTestCertificate() throws Exception {
        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = SmtpMailerSecurityTest.class.getResourceAsStream("/smtp-test.p12")) {
            serverKeys.load(in, "changeit".toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("smtp-test", serverKeys.getCertificate("smtp"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    @Test
    @DisplayName("implicit TLS to a server whose certificate is trusted and names the host delivers the message")
    void implicitTlsDelivers() throws Exception {
        SmtpMailer mailer = SmtpMailer.builder().host("127.0.0.1").port(greenMail.getSmtps().getPort())
                .security(SmtpSecurity.TLS).sslSocketFactory(trustingTheTestCertificate())
                .from("blog@example.org").build();

        mailer.send(message());

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()).extracting(m -> m.getSubject()).containsExactly("A reply");
    }

    @Test
    @DisplayName("implicit TLS to a server whose certificate the JVM does not trust is a MailException, nothing sent")
    void implicitTlsRefusesAnUntrustedCertificate() {
        SmtpMailer mailer = SmtpMailer.builder().host("127.0.0.1").port(greenMail.getSmtps().getPort())
                .security(SmtpSecurity.TLS).from("blog@example.org").build();

        assertThatThrownBy(() -> mailer.send(message()))
                .isInstanceOf(MailException.class)
                .hasMessageStartingWith("sending through SMTP server 127.0.0.1:" + greenMail.getSmtps().getPort()
                        + " failed: TLS failed (PKIX path building failed");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("implicit TLS to a trusted certificate that does not name the host is a MailException, nothing sent")
    void implicitTlsChecksTheHostName() throws Exception {
        // The certificate names localhost and 127.0.0.1; 127.0.0.2 reaches the same server under another name.
        SmtpMailer mailer = SmtpMailer.builder().host("127.0.0.2").port(greenMail.getSmtps().getPort())
                .security(SmtpSecurity.TLS).sslSocketFactory(trustingTheTestCertificate())
                .from("blog@example.org").build();

        assertThatThrownBy(() -> mailer.send(message()))
                .isInstanceOf(MailException.class)
                .hasMessageStartingWith("sending through SMTP server 127.0.0.2:" + greenMail.getSmtps().getPort()
                        + " failed: TLS failed (No subject alternative names matching IP address 127.0.0.2 found)");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("SMTP AUTH with the right credentials delivers the message")
    void authenticates() {
        SmtpMailer mailer = SmtpMailer.builder().host("127.0.0.1").port(greenMail.getSmtp().getPort())
                .security(SmtpSecurity.NONE).credentials("blog", "s3cret").from("blog@example.org").build();

        mailer.send(message());

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    @DisplayName("SMTP AUTH with a wrong password is a MailException that names the user, never the password")
    void wrongPasswordIsRefused() {
        SmtpMailer mailer = SmtpMailer.builder().host("127.0.0.1").port(greenMail.getSmtp().getPort())
                .security(SmtpSecurity.NONE).credentials("blog", "wrong-secret").from("blog@example.org").build();

        assertThatThrownBy(() -> mailer.send(message()))
                .isInstanceOf(MailException.class)
                .hasMessageStartingWith("sending through SMTP server 127.0.0.1:" + greenMail.getSmtp().getPort()
                        + " failed: the server refused the credentials of blog (")
                .hasMessageNotContaining("wrong-secret");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
