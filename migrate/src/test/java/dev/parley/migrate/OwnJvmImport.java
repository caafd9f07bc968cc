package dev.parley.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an import in a JVM of its own, with a heap cap: {@link ImportMain} started with the running JVM's own
 * {@code java} and class path, {@code -Xmx}, exit at the first {@link OutOfMemoryError}, and a garbage
 * collection log from which the largest heap in use right after a collection is read. The streaming test and
 * the import-at-scale benchmark share it.
 *
 * <p>Stateless and thread-safe.
 */
public final class OwnJvmImport {

    private static final Pattern LINE = Pattern.compile("^([A-Za-z_.]+)=(\\S+)$", Pattern.MULTILINE);
    private static final Pattern AFTER_GC = Pattern.compile("\\d+M->(\\d+)M\\(\\d+M\\)");

    private OwnJvmImport() {
    }

    /**
     * Imports a WXR file in a new JVM and waits for it.
     *
     * @param file the file
     * @param store {@code memory}, {@code dry-run}, {@code h2:<file>} or {@code sqlite:<file>}, as
     *     {@link ImportMain} takes it
     * @param maxHeapMegabytes the heap cap
     * @param workDirectory where the JVM's output and collection log are written
     * @return what the JVM did
     * @throws IOException if the JVM cannot be started or its output read
     * @throws InterruptedException if interrupted while waiting
     */
    public static Result run(Path file, String store, int maxHeapMegabytes, Path workDirectory)
            throws IOException, InterruptedException {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(store, "store must not be null");
        String name = file.getFileName() + "." + store.replaceFirst(":.*", "");
        Path gcLog = workDirectory.resolve(name + ".gc.log");
        Path out = workDirectory.resolve(name + ".out");
        Path err = workDirectory.resolve(name + ".err");
        String java = ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("the running JVM does not tell its command"));
        List<String> command = List.of(java, "-Xmx" + maxHeapMegabytes + "m", "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog, "-Duser.timezone=" + System.getProperty("user.timezone"),
                "-cp", System.getProperty("java.class.path"), ImportMain.class.getName(), file.toString(), store);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        int exit = process.waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        String printed = Files.readString(out);
        Map<String, String> values = new LinkedHashMap<>();
        Matcher line = LINE.matcher(printed);
        while (line.find()) {
            values.put(line.group(1), line.group(2));
        }
        long largest = 0;
        if (Files.exists(gcLog)) {
            Matcher pause = AFTER_GC.matcher(Files.readString(gcLog));
            while (pause.find()) {
                largest = Math.max(largest, Long.parseLong(pause.group(1)));
            }
        }
        return new Result(exit, values, largest, millis, printed, Files.readString(err));
    }

    /**
     * What an import in its own JVM did.
     *
     * @param exitCode the JVM's exit status: 0 when the import succeeded, 3 when the heap ran out
     * @param values what {@link ImportMain} printed, by name
     * @param largestHeapAfterGcMegabytes the most heap in use right after a collection, from the JVM's log
     * @param millis the JVM's whole run, start-up included
     * @param output everything printed
     * @param log everything logged
     */
    public record Result(int exitCode, Map<String, String> values, long largestHeapAfterGcMegabytes, long millis,
            String output, String log) {

        /** Copies the values. */
        public Result {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /**
         * Returns the end of the log, for a failure message.
         *
         * @return at most the last 4,000 characters
         */
        public String logTail() {
            return log.length() <= 4_000 ? log : "..." + log.substring(log.length() - 4_000);
        }
    }
}
