package dev.parley.pingback.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https against a loopback server whose certificate, made with the JDK's keytool at test time, names
 * {@code pingback.test} only: the fetcher sends that name as SNI and refuses the certificate for any other name.
 */
@DisplayName("https: SNI and certificate name verification")
class TlsFetchTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static SSLContext clientContext;
    private static final List<String> sniNames = new CopyOnWriteArrayList<>();
    private static final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception {
        KeyStore keyStore = generateKeyStore(dir.resolve("server.p12"));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(new KeyManager[] {new SniRecorder((X509ExtendedKeyManager) keys.getKeyManagers()[0])},
                null, null);

        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<p>secure</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @BeforeEach
    void reset() {
        sniNames.clear();
        requests.set(0);
    }

    private SafeFetcher.Builder fetcher() {
        return SafeFetcher.builder()
                .addressPolicy(AddressPolicy.publicUnicast().allowing(server.getAddress().getAddress(), port()))
                .resolver(new MapResolver().map("pingback.test", "127.0.0.1").map("wrong.test", "127.0.0.1"))
                .sslSocketFactory(clientContext.getSocketFactory());
    }

    private static int port() {
        return server.getAddress().getPort();
    }

    @Test
    void pageIsFetchedWhenTheCertificateNamesTheHostAndSniCarriesThatName() {
        FetchResult result = fetcher().build().fetch("https://pingback.test:" + port() + "/");

        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class,
                page -> assertThat(page.body()).isEqualTo("<p>secure</p>"));
        assertThat(sniNames).containsExactly("pingback.test");
    }

    @Test
    void certificateForAnotherNameIsRefusedBeforeAnyRequest() {
        FetchResult result = fetcher().build().fetch("https://wrong.test:" + port() + "/");

        assertThat(result).isInstanceOfSatisfying(FetchResult.Refused.class,
                refused -> assertThat(refused.failure()).as(refused.detail()).isEqualTo(FetchFailure.TLS_FAILED));
        assertThat(sniNames).containsExactly("wrong.test");
        assertThat(requests).hasValue(0);
    }

    @Test
    void ipLiteralIsVerifiedAgainstTheCertificateAndSendsNoSni() {
        FetchResult result = fetcher().build().fetch("https://127.0.0.1:" + port() + "/");

        assertThat(result).isInstanceOfSatisfying(FetchResult.Refused.class,
                refused -> assertThat(refused.failure()).isEqualTo(FetchFailure.TLS_FAILED));
        assertThat(sniNames).containsExactly("(none)");
        assertThat(requests).hasValue(0);
    }

    @Test
    void untrustedCertificateIsRefusedWithTheDefaultTrustStore() {
        SafeFetcher defaultTrust = SafeFetcher.builder()
                .addressPolicy(AddressPolicy.publicUnicast().allowing(server.getAddress().getAddress(), port()))
                .resolver(new MapResolver().map("pingback.test", "127.0.0.1"))
                .build();

        FetchResult result = defaultTrust.fetch("https://pingback.test:" + port() + "/");

        assertThat(result).isInstanceOfSatisfying(FetchResult.Refused.class,
                refused -> assertThat(refused.failure()).isEqualTo(FetchFailure.TLS_FAILED));
        assertThat(requests).hasValue(0);
    }

    @Test
    void plainHttpToTheTlsPortIsAProtocolErrorNotAnException() {
        FetchResult result = fetcher().build().fetch("http://pingback.test:" + port() + "/");

        assertThat(result).isInstanceOfSatisfying(FetchResult.Refused.class,
                refused -> assertThat(refused.failure()).as(refused.detail()).isEqualTo(FetchFailure.PROTOCOL_ERROR));
    }

    private static KeyStore generateKeyStore(Path file) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "pingback",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=pingback.test",
                "-ext", "SAN=dns:pingback.test", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as("keytool: " + output).isZero();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keyStore.load(in, PASSWORD);
        }
        return keyStore;
    }

    /** Delegates key choice and records the server names the client asked for in its ClientHello. */
    private static final class SniRecorder extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;

        SniRecorder(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            List<SNIServerName> names = ((ExtendedSSLSession) engine.getHandshakeSession()).getRequestedServerNames();
            String recorded = names.isEmpty() ? "(none)"
                    : new String(names.get(0).getEncoded(), StandardCharsets.US_ASCII);
            if (!sniNames.contains(recorded)) {
                sniNames.add(recorded);
            }
            return delegate.chooseEngineServerAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return delegate.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return delegate.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return delegate.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }
}
