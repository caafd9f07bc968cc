package dev.parley.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real demo ({@link Main}) in a JVM of its own, started with the test JVM's java binary and class path and
 * configured by {@code -D} system properties, so that it can be killed with SIGKILL like a crashed server.
 *
 * <p>Every started process is also killed by a shutdown hook of the test JVM, so none outlives the build even
 * when a test is interrupted. Not thread-safe: one test drives one process.
 */
final class DemoProcess implements AutoCloseable {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> RUNNING.forEach(Process::destroyForcibly), "demo-process-reaper"));
    }

    /** Output kept for failure messages; the rest is read and dropped, so the child never blocks on a pipe. */
    private static final int KEPT_OUTPUT_CHARS = 64 * 1024;

    private final Process process;
    private final StringBuffer output;
    private final URI baseUrl;

    private DemoProcess(Process process, StringBuffer output, URI baseUrl) {
        this.process = process;
        this.output = output;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts the demo with these system properties and waits until it prints the URL it listens on.
     *
     * @throws IllegalStateException with the process output if it exits or does not start within a minute
     */
    static DemoProcess start(Map<String, String> properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        // The demo's log file: where the test names it, else where the build sends the tests' logs.
        String logFile = System.getProperty("parley.log.file");
        if (logFile != null && !properties.containsKey("parley.log.file")) {
            command.add("-Dparley.log.file=" + logFile);
        }
        command.add("-cp");
        // Surefire runs tests from a manifest-only jar; the real class path is in this property.
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(Main.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        RUNNING.add(process);
        process.getOutputStream().close();
        StringBuffer output = new StringBuffer();
        CountDownLatch started = new CountDownLatch(1);
        String[] url = new String[1];
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (output.length() < KEPT_OUTPUT_CHARS) {
                        output.append(line).append('\n');
                    }
                    String trimmed = line.strip();
                    if (trimmed.startsWith("Open:") && url[0] == null) {
                        url[0] = trimmed.substring("Open:".length()).strip();
                        started.countDown();
                    }
                }
            } catch (IOException e) {
                output.append("(output unreadable: ").append(e).append(")\n");
            } finally {
                started.countDown();
            }
        }, "demo-process-output");
        reader.setDaemon(true);
        reader.start();
        if (!started.await(60, TimeUnit.SECONDS) || url[0] == null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            RUNNING.remove(process);
            throw new IllegalStateException("the demo did not start:\n" + output);
        }
        return new DemoProcess(process, output, URI.create(url[0]));
    }

    /** What the demo printed so far (standard output and error), up to the first 64 KiB. */
    String output() {
        return output.toString();
    }

    /** The demo's base URL, as it printed it. */
    URI baseUrl() {
        return baseUrl;
    }

    /** Sends SIGKILL (on Linux, {@link Process#destroyForcibly()}) and waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the demo process " + process.pid() + " did not die");
        }
        RUNNING.remove(process);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        RUNNING.remove(process);
    }
}
