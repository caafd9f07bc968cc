package dev.parley.benchmarks.migrate;

import dev.parley.migrate.CommentReader;
import dev.parley.migrate.ImportReport;
import dev.parley.migrate.ImportSource;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.Importer;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;
import dev.parley.migrate.WxrGenerator;
import dev.parley.migrate.wxr.WxrReader;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 12, acceptance 4: importing a 100,000-comment WordPress export into the in-memory store costs at most
 * 3x a bare StAX pass over the same file that reads every element's text.
 *
 * <p>The file is {@link WxrGenerator}'s (100,000 comments over 1,000 posts, about 120 MB), written once per
 * trial. {@link #bareStaxPass()} is the floor: the JDK's {@link XMLStreamReader}, DTDs off as the importer
 * has them, over the same buffered stream the importer reads, taking every element's name and the text of
 * every text and CDATA event. {@link #importIntoMemory()} is {@link Importer#run} with a {@link WxrReader} into
 * a fresh {@link InMemoryCommentStore}, with the importer's default settings: one reading, thread by thread,
 * with parents resolved, rendering and storing. {@link #readerPass()} is one pass of the reader alone, and
 * {@link #dryRun()} the import without the store's writes: where the time goes.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ImportBenchmark}. {@link ImportRatio} measures the
 * same operations interleaved, for a machine whose load drifts between JMH's benchmarks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ImportBenchmark {

    /** Comments in the file. */
    public static final int COMMENTS = 100_000;
    /** Posts they are spread over. */
    public static final int POSTS = 1_000;

    private Path directory;
    private ImportSource source;

    /** Writes the file. */
    @Setup(Level.Trial)
    public void setUp() {
        try {
            directory = Files.createTempDirectory("parley-import-bench");
            Path file = directory.resolve("export.xml");
            WxrGenerator.builder().comments(COMMENTS).posts(POSTS).seed(1).build().write(file);
            source = ImportSource.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            Files.deleteIfExists(source.path());
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The floor: one StAX pass reading every element's name and all text.
     *
     * @return the characters read, so the work is used
     */
    @Benchmark
    public long bareStaxPass() {
        return bareStaxPass(source);
    }

    /**
     * The import into a fresh in-memory store.
     *
     * @return the comments imported
     */
    @Benchmark
    public long importIntoMemory() {
        return importInto(source, false).inserted();
    }

    /**
     * The import without writes: reading, trees and rendering, the store only looked up.
     *
     * @return the comments that would be inserted
     */
    @Benchmark
    public long dryRun() {
        return importInto(source, true).inserted();
    }

    /**
     * One pass of the reader, handing its records to a handler that only counts.
     *
     * @return the characters of content read
     */
    @Benchmark
    public long readerPass() {
        return readerPass(source);
    }

    /**
     * Runs the import into a fresh in-memory store.
     *
     * @param source the file
     * @param dryRun true to write nothing
     * @return the report
     */
    static ImportReport importInto(ImportSource source, boolean dryRun) {
        return Importer.builder().store(new InMemoryCommentStore()).dryRun(dryRun).build()
                .run(new WxrReader(), source);
    }

    /**
     * Reads the file once with the reader alone.
     *
     * @param source the file
     * @return the characters of content read
     */
    static long readerPass(ImportSource source) {
        long[] characters = {0};
        new WxrReader().read(source, new CommentReader.Handler() {
            @Override
            public void thread(SourceThread thread) {
                characters[0]++;
            }

            @Override
            public void comment(SourceComment comment) {
                characters[0] += comment.content().length();
            }

            @Override
            public void warning(ImportWarning warning) {
                characters[0]++;
            }
        });
        return characters[0];
    }

    /**
     * One bare StAX pass over a file: every element's local name, and every text, CDATA and whitespace event's
     * text as a string.
     *
     * @param source the file
     * @return the characters read
     */
    static long bareStaxPass(ImportSource source) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        long characters = 0;
        try (InputStream in = source.open()) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.START_ELEMENT -> characters += xml.getLocalName().length();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            characters += xml.getText().length();
                    default -> { }
                }
            }
            xml.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the generated file is not well-formed", e);
        }
        return characters;
    }
}
