package dev.parley.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer streams: an export far larger than the heap goes through a JVM capped at 256 MB. Each import
 * runs in a JVM of its own ({@link ImportMain}), started with {@code -Xmx256m} and exiting at the first
 * {@link OutOfMemoryError}, so the cap is the proof.
 *
 * <p>The in-memory store cannot be the proof for a million comments: it holds about 2,100 bytes per imported
 * comment (text, rendered html, author and provenance), 2.1 GB for a million. So the million goes into a SQLite
 * file, whose pages live on disk and whose cache is off the heap, and the in-memory store takes the most
 * comments that fit beside the importer in the same 256 MB.
 */
@DisplayName("Importing a WXR file larger than the heap")
class StreamingImportTest {

    private static final String HEAP = "-Xmx256m";
    private static final long HEAP_BYTES = 256L * 1024 * 1024;
    private static final Pattern LINE = Pattern.compile("^([A-Za-z_.]+)=(\\S+)$", Pattern.MULTILINE);
    private static final Pattern AFTER_GC = Pattern.compile("\\d+M->(\\d+)M\\(\\d+M\\)");

    @TempDir
    static Path dir;

    private static Path million;
    private static WxrGenerator.Counts millionCounts;

    @BeforeAll
    static void writeMillionCommentFile() throws IOException {
        million = dir.resolve("million.xml");
        millionCounts = WxrGenerator.builder().comments(1_000_000).posts(10_000).seed(42).build().write(million);
    }

    @Test
    @DisplayName("a million comments over 10,000 posts go through every step of the import within 256 MB of heap")
    void millionCommentsStreamThroughTheImporterWithinTheCap() throws Exception {
        assertThat(millionCounts.bytes()).as("the file is several times the heap").isGreaterThan(4 * HEAP_BYTES);

        Map<String, String> report = importInOwnJvm(million, "dry-run");

        assertThat(report).containsAllEntriesOf(expected(millionCounts, 10_000));
        assertThat(Long.parseLong(report.get("heap.max"))).isLessThanOrEqualTo(HEAP_BYTES);
    }

    @Test
    @DisplayName("the in-memory store takes 100,000 comments beside the importer within 256 MB of heap")
    void inMemoryStoreTakesWhatFitsBesideTheImporter() throws Exception {
        Path file = dir.resolve("hundred-thousand.xml");
        WxrGenerator.Counts generated = WxrGenerator.builder().comments(100_000).posts(1_000).seed(43).build()
                .write(file);

        Map<String, String> report = importInOwnJvm(file, "memory");

        assertThat(report).containsAllEntriesOf(expected(generated, 1_000));
        assertThat(Long.parseLong(report.get("heap.max"))).isLessThanOrEqualTo(HEAP_BYTES);
    }

    /** What {@link ImportMain} prints for a fresh import of a generated file. */
    private static Map<String, String> expected(WxrGenerator.Counts generated, int posts) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("read", Long.toString(generated.comments()));
        expected.put("inserted", Long.toString(generated.comments()));
        expected.put("unchanged", "0");
        expected.put("threads", Integer.toString(posts));
        expected.put("status.APPROVED", Long.toString(generated.approved()));
        expected.put("status.PENDING", Long.toString(generated.pending()));
        expected.put("status.SPAM", Long.toString(generated.spam()));
        expected.put("status.DELETED", Long.toString(generated.trash()));
        expected.put("kind.PINGBACK", Long.toString(generated.pingbacks()));
        expected.put("kind.TRACKBACK", Long.toString(generated.trackbacks()));
        expected.put("kind.COMMENT",
                Long.toString(generated.comments() - generated.pingbacks() - generated.trackbacks()));
        expected.put("warning.DATE_FALLBACK", Long.toString(generated.missingGmtDates()));
        return expected;
    }

    /** Runs {@link ImportMain} in a JVM capped at 256 MB and returns what it printed; fails if it did not exit 0. */
    private static Map<String, String> importInOwnJvm(Path file, String store) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String name = file.getFileName() + "." + store.replaceFirst(":.*", "");
        Path gcLog = dir.resolve(name + ".gc.log");
        List<String> command = new ArrayList<>(List.of(java, HEAP, "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog,
                "-Duser.timezone=" + System.getProperty("user.timezone"),
                "-cp", System.getProperty("java.class.path"),
                ImportMain.class.getName(), file.toString(), store));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        int exit = process.waitFor();
        String printed = Files.readString(out);
        assertThat(exit).as("exit status of the import in its own JVM; it printed:%n%s%nand logged:%n%s", printed,
                tail(Files.readString(err))).isZero();
        Map<String, String> values = new LinkedHashMap<>();
        Matcher line = LINE.matcher(printed);
        while (line.find()) {
            values.put(line.group(1), line.group(2));
        }
        System.out.printf("%s, %s store: %s; largest heap after a collection %d MB%n", file.getFileName(),
                store.replaceFirst(":.*", ""), values, largestAfterCollection(gcLog));
        return values;
    }

    /** The most heap in use right after a collection, from the JVM's {@code gc} log ({@code 150M->38M(256M)}). */
    private static long largestAfterCollection(Path gcLog) throws IOException {
        long largest = 0;
        Matcher pause = AFTER_GC.matcher(Files.readString(gcLog));
        while (pause.find()) {
            largest = Math.max(largest, Long.parseLong(pause.group(1)));
        }
        return largest;
    }

    private static String tail(String log) {
        return log.length() <= 4_000 ? log : "..." + log.substring(log.length() - 4_000);
    }
}
