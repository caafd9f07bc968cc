package dev.parley.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** What the throwaway database servers share: running their tools, ports, users and their directories. */
final class ServerProcesses {

    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private ServerProcesses() {
    }

    /**
     * Runs a command to its end, as the user {@code runAs} names (empty: this process's user), and fails with
     * its output and {@code log} when it fails or takes longer than two minutes.
     */
    static void run(List<String> runAs, Supplier<String> log, String... command)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(runAs);
        full.addAll(List.of(command));
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", full));
        }
        if (process.exitValue() != 0) {
            throw new IOException("`" + String.join(" ", full) + "` exited with " + process.exitValue() + ":\n"
                    + new String(output, StandardCharsets.UTF_8) + log.get());
        }
    }

    /** Deletes a directory and everything in it; nothing if it is absent. */
    static void deleteDirectory(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
