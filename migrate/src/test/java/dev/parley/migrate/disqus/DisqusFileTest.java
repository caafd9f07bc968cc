package dev.parley.migrate.disqus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.migrate.ImportFormatException;
import dev.parley.migrate.ImportSource;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceComment;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisqusFileTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<disqus xmlns=\"http://disqus.com\" xmlns:dsq=\"http://disqus.com/disqus-internals\">\n";

    @TempDir
    Path dir;

    private Path gzip(String fixture, String name) throws IOException {
        Path target = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(Recording.path(fixture), out);
        }
        return target;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void gzippedExportReadsTheSameRecordsWhateverItsName() throws IOException {
        Path gzipped = gzip("new-style.xml", "comments-export.xml");

        Recording read = Recording.read(ImportSource.of(gzipped));

        assertThat(read.events).isEqualTo(Recording.read("new-style.xml").events).hasSize(5);
    }

    @Test
    void readingTwiceHandsOverTheSameRecords() {
        DisqusReader reader = new DisqusReader();
        ImportSource source = Recording.source("order.xml");
        Recording first = new Recording();
        Recording second = new Recording();

        reader.read(source, first);
        reader.read(source, second);

        assertThat(second.events).isEqualTo(first.events).hasSize(8);
    }

    @Test
    void fileWithoutNamespacesReadsLikeOneWithThem() {
        Recording plain = Recording.read("no-namespace.xml");

        assertThat(plain.events).isEqualTo(Recording.read("new-style.xml").events.subList(0, 3));
    }

    @Test
    void truncatedFileThrowsWithLineAndColumnAfterHandingOverTheCompleteRecords() {
        Recording read = new Recording();

        ImportFormatException e = catchThrowableOfType(ImportFormatException.class,
                () -> new DisqusReader().read(Recording.source("truncated.xml"), read));

        assertThat(e.line()).isEqualTo(12);
        assertThat(e.column()).isEqualTo(41);
        assertThat(e.getMessage()).startsWith("line 12, column 41: not well-formed XML: ");
        assertThat(read.order()).containsExactly("thread 1", "comment 2");
    }

    @Test
    void truncatedGzipFileThrowsAtTheSamePlace() throws IOException {
        Path gzipped = gzip("truncated.xml", "truncated.xml.gz");

        assertThatThrownBy(() -> Recording.read(ImportSource.of(gzipped)))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(12);
                    assertThat(e.column()).isEqualTo(41);
                });
    }

    @Test
    void mismatchedEndTagThrowsWithItsLineAndColumn() {
        assertThatThrownBy(() -> Recording.read("mismatched.xml"))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e.column()).isEqualTo(35);
                    assertThat(e.getMessage()).contains("message");
                });
    }

    @Test
    void secondRootAfterTheExportIsAnErrorNotIgnored() {
        Recording read = new Recording();

        ImportFormatException e = catchThrowableOfType(ImportFormatException.class,
                () -> new DisqusReader().read(Recording.source("trailing-garbage.xml"), read));

        assertThat(e.line()).isEqualTo(5);
        assertThat(read.order()).containsExactly("thread 1");
    }

    @Test
    void doctypeIsRefusedBeforeAnyRecord() {
        Recording read = new Recording();

        ImportFormatException e = catchThrowableOfType(ImportFormatException.class,
                () -> new DisqusReader().read(Recording.source("doctype.xml"), read));

        assertThat(e.getMessage()).startsWith("line 4, column 4: a DOCTYPE is not allowed");
        assertThat(read.events).isEmpty();
    }

    @Test
    void doctypeWithoutEntitiesIsRefusedToo() {
        assertThatThrownBy(() -> Recording.read("doctype-harmless.xml"))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageStartingWith("line 2, column 18: a DOCTYPE is not allowed");
    }

    @Test
    void rootOtherThanDisqusIsNotADisqusExport() {
        assertThatThrownBy(() -> Recording.read("wrong-root.xml"))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("line 3, column 64: the root element is <rss>, not <disqus>: this is not a Disqus export");
    }

    @Test
    void emptyFileIsNotWellFormed() throws IOException {
        Path empty = write("empty.xml", "");

        assertThatThrownBy(() -> Recording.read(ImportSource.of(empty)))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    void postWithAnIdNoProvenanceCanHoldIsSkippedWithAWarningAndTheNextIsRead() throws IOException {
        String longId = "9".repeat(Provenance.MAX_ID_LENGTH + 1);
        Path file = write("long-id.xml", HEAD
                + "<post dsq:id=\"" + longId + "\"><createdAt>2020-01-01T00:00:00Z</createdAt>"
                + "<thread dsq:id=\"1\"/></post>\n"
                + "<post dsq:id=\"2\"><createdAt>2020-01-01T00:00:00Z</createdAt><thread dsq:id=\"1\"/></post>\n"
                + "</disqus>\n");

        Recording read = Recording.read(ImportSource.of(file));

        assertThat(read.order()).containsExactly("warning RECORD_SKIPPED", "comment 2");
        assertThat(read.warnings()).containsExactly(new ImportWarning(ImportWarning.Code.RECORD_SKIPPED, null, null,
                "post 1 in the file skipped: source id must be at most 1024 characters, was 1025"));
    }

    @Test
    void garbledFlagsTooLongForARawStatusAreKeptAsFields() throws IOException {
        String garbage = "x".repeat(Provenance.MAX_RAW_LENGTH);
        Path file = write("long-flag.xml", HEAD
                + "<post dsq:id=\"5\"><createdAt>2020-01-01T00:00:00Z</createdAt><isDeleted>false</isDeleted>"
                + "<isSpam>" + garbage + "</isSpam><thread dsq:id=\"1\"/></post>\n</disqus>\n");

        SourceComment comment = Recording.read(ImportSource.of(file)).comment("5");

        assertThat(comment.status()).isEqualTo(Status.PENDING);
        assertThat(comment.provenance().status()).isNull();
        assertThat(comment.provenance().fields()).containsExactly(new Provenance.Field("isDeleted", "false"),
                new Provenance.Field("isSpam", garbage));
        assertThat(comment.warnings()).extracting(ImportWarning::code)
                .containsExactly(ImportWarning.Code.UNKNOWN_STATUS);
    }

    @Test
    void rawFieldsPastTheProvenanceBoundsAreLeftOutWithAWarning() throws IOException {
        StringBuilder extras = new StringBuilder();
        for (int i = 1; i <= Provenance.MAX_ENTRIES + 2; i++) {
            extras.append("<extra").append(i).append(">v</extra").append(i).append('>');
        }
        Path file = write("many-fields.xml", HEAD
                + "<post dsq:id=\"6\"><createdAt>2020-01-01T00:00:00Z</createdAt>" + extras
                + "<thread dsq:id=\"1\"/></post>\n</disqus>\n");

        SourceComment comment = Recording.read(ImportSource.of(file)).comment("6");

        assertThat(comment.provenance().fields()).hasSize(Provenance.MAX_ENTRIES);
        assertThat(comment.provenance().fields().get(Provenance.MAX_ENTRIES - 1))
                .isEqualTo(new Provenance.Field("extra1000", "v"));
        assertThat(comment.warnings()).containsExactly(new ImportWarning(ImportWarning.Code.METADATA_TRUNCATED, "1",
                "6", "2 raw field(s) past the provenance's bounds left out, the first \"extra1001\""));
    }

    @Test
    void bytesNotValidUtf8AreAFormatErrorWithTheirPlace() throws IOException {
        Path file = dir.resolve("latin1-as-utf8.xml");
        Files.write(file, (HEAD + "<post dsq:id=\"1\"><message>caf\u00e9 x</message></post></disqus>\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> Recording.read(ImportSource.of(file)))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("line 3, column 30: not well-formed XML: bytes that are not valid UTF-8 (is the file in"
                        + " another encoding than it declares?)");
    }
}
