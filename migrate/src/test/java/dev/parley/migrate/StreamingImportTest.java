package dev.parley.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer streams: exports larger than the heap go through a JVM capped at 256 MB. Each import runs in a
 * JVM of its own ({@link OwnJvmImport}), which exits at the first {@link OutOfMemoryError}, so the cap is the
 * proof.
 *
 * <p>A store that keeps comments on the heap cannot hold a million: the in-memory store takes about 2,100 bytes
 * per imported comment (text, rendered html, author, provenance and its indexes), 2.1 GB for a million, and
 * 120,000 already overflow 256 MB. So the heap of each run is split between the importer and the store in a
 * different way:
 * <ul>
 *   <li>a million comments over 10,000 posts, every step of the import but the writes (a dry run): the importer
 *       alone, which keeps about 60 bytes per comment;</li>
 *   <li>150,000 comments into a SQLite file, whose rows and cache are off the heap: the importer and a database
 *       store, with more comments than the heap could hold as objects;</li>
 *   <li>100,000 comments into the in-memory store: the importer beside a full store.</li>
 * </ul>
 * A million comments into a database file take minutes, mostly the database's own writing (about 4 minutes
 * into SQLite, 7.5 into an H2 file, which reached 17 GB): that run is {@code ImportAtScale} in the benchmarks
 * module.
 */
@DisplayName("Importing a WXR file larger than the heap")
class StreamingImportTest {

    private static final int HEAP_MEGABYTES = 256;
    private static final long HEAP_BYTES = HEAP_MEGABYTES * 1024L * 1024;

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
    }

    @Test
    @DisplayName("150,000 comments go into a SQLite file within 256 MB of heap")
    void commentsStreamIntoADatabaseFileWithinTheCap() throws Exception {
        Path file = dir.resolve("hundred-fifty-thousand.xml");
        WxrGenerator.Counts generated = WxrGenerator.builder().comments(150_000).posts(1_500).seed(44).build()
                .write(file);

        Map<String, String> report = importInOwnJvm(file, "sqlite:" + dir.resolve("comments.db"));

        assertThat(report).containsAllEntriesOf(expected(generated, 1_500));
    }

    @Test
    @DisplayName("the in-memory store takes 100,000 comments beside the importer within 256 MB of heap")
    void inMemoryStoreTakesWhatFitsBesideTheImporter() throws Exception {
        Path file = dir.resolve("hundred-thousand.xml");
        WxrGenerator.Counts generated = WxrGenerator.builder().comments(100_000).posts(1_000).seed(43).build()
                .write(file);

        Map<String, String> report = importInOwnJvm(file, "memory");

        assertThat(report).containsAllEntriesOf(expected(generated, 1_000));
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

    /** Imports in a JVM capped at 256 MB; fails unless it exited 0 with that cap. */
    private static Map<String, String> importInOwnJvm(Path file, String store) throws Exception {
        OwnJvmImport.Result result = OwnJvmImport.run(file, store, HEAP_MEGABYTES, dir);
        System.out.printf("%s into %s: %s; largest heap after a collection %d MB%n", file.getFileName(),
                store.replaceFirst(":.*", ""), result.values(), result.largestHeapAfterGcMegabytes());
        assertThat(result.exitCode()).as("exit status of the import in its own JVM; it printed:%n%s%nand logged:%n%s",
                result.output(), result.logTail()).isZero();
        assertThat(Long.parseLong(result.values().get("heap.max"))).isLessThanOrEqualTo(HEAP_BYTES);
        return result.values();
    }
}
