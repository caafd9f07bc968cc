package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The demo's logging: warnings reach its console and its log file")
class DemoLoggingTest {

    private static final Pattern POST_LINK = Pattern.compile("href=\"/posts/([^\"#?/]+)\"");

    @Test
    @DisplayName("a request body cut off for coming too slowly logs a WARN on the console and in the file")
    void warningOnConsoleAndInFile(@TempDir Path directory) throws Exception {
        Path logFile = directory.resolve("demo.log");
        try (DemoProcess demo = DemoProcess.start(Map.of("parley.port", "0", "parley.store", "memory",
                "parley.admin.password", "correct horse battery staple", "parley.log.file", logFile.toString()))) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String index = client.send(HttpRequest.newBuilder(demo.baseUrl().resolve("/"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher post = POST_LINK.matcher(index);
            assertThat(post.find()).as(index).isTrue();

            assertThat(trickle(demo.baseUrl(), "/api/threads/" + post.group(1) + "/comments")).startsWith("HTTP/1.1 408");

            assertThat(eventually(demo::output)).as("console").containsPattern("WARN .*too slowly");
            assertThat(eventually(() -> read(logFile))).as("log file").containsPattern("WARN .*too slowly");
        }
    }

    /** Sends two bytes of a 1,000-byte JSON body a second apart: a rate far below the minimum. */
    private static String trickle(URI base, String path) throws IOException, InterruptedException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(1_100);
            out.write(' ');
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
        }
    }

    /** The text once it holds a warning, or as it is after 30 seconds of asking. */
    private static String eventually(Supplier<String> text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String now = text.get();
        while (!now.contains("WARN") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = text.get();
        }
        return now;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
