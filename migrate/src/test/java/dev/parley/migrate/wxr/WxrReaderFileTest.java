package dev.parley.migrate.wxr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.migrate.ImportFormatException;
import dev.parley.migrate.ImportSource;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file as a whole: encodings, namespaces, sizes, compression, and what is refused. */
class WxrReaderFileTest {

    @TempDir
    Path dir;

    @Test
    void byteOrderMarkCrlfAndLatin1DeclarationReadAsText() {
        Recorder read = Recorder.read("bom-crlf-latin1.xml");

        SourceComment comment = read.comment("1");
        assertThat(comment.authorName()).isEqualTo("Renée");
        assertThat(comment.provenance().field("comment_author")).isEqualTo("Renée");
        // XML turns CRLF into LF, inside CDATA too.
        assertThat(comment.content()).isEqualTo("Joyeux Noël,\nfirst line.\nSecond line.");
        assertThat(comment.createdAt()).isEqualTo(Instant.parse("2009-12-24T18:00:00Z"));
        assertThat(read.threads()).containsExactly(new SourceThread("70", null, null, "Café"));
    }

    @Test
    void astralRightToLeftAndEntityLookingTextInContentIsKeptExactly() {
        Recorder read = Recorder.read("utf8-challenges.xml");

        String content = "Wave \uD83C\uDF0A family \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67"
                + " Arabic \u0645\u0631\u062d\u0628\u0627 Hebrew \u05e9\u05dc\u05d5\u05dd override[\u202e]txt.exe"
                + " entity &#x202E; emoji entity &#x1f30a; zalgo Z\u0324\u0354\u0367\u0311\u0313a\u0308\u0356\u032d";
        SourceComment cdata = read.comment("1");
        assertThat(cdata.content()).isEqualTo(content);
        assertThat(cdata.content().codePointCount(0, cdata.content().length()))
                .isEqualTo(cdata.content().length() - 4);
        assertThat(cdata.authorName()).isEqualTo("\uD83E\uDD84 \u0633\u0627\u0631\u0629");
        SourceComment refs = read.comment("2");
        assertThat(refs.authorName()).isEqualTo("Char refs \uD83C\uDF0A\u202E");
        assertThat(refs.content()).isEqualTo("XML char refs: \uD83C\uDF0A \u202E and text &#x202E;");
    }

    @Test
    void elementsAreMatchedByNamespaceUriNotPrefix() {
        Recorder read = Recorder.read("namespace-by-uri.xml");

        assertThat(read.threads()).extracting(SourceThread::id).containsExactly("1", "2");
        assertThat(read.comments()).extracting(SourceComment::id, SourceComment::threadId, SourceComment::content,
                SourceComment::createdAt)
                .containsExactly(
                        tuple("1", "1", "By URI, not prefix.",
                                Instant.parse("2017-07-07T07:07:07Z")),
                        tuple("2", "2", "Mixed versions.",
                                Instant.parse("2017-07-08T08:08:08Z")));
    }

    @Test
    void aFileWithoutWxrVersionIsStillRead() {
        Recorder read = Recorder.read("every-status.xml");

        assertThat(read.comments()).hasSize(12);
        assertThat(read.threads()).extracting(SourceThread::id).containsExactly("30");
    }

    @Test
    void aCommentOf65535CharactersIsKeptWhole() throws IOException {
        String content = "<p>" + "x".repeat(65_535 - 3 - 4 - 2) + "</p>\uD83C\uDF0A";
        Path file = Files.writeString(dir.resolve("long.xml"), "<?xml version='1.0' encoding='UTF-8'?>\n"
                + "<rss xmlns:wp='http://wordpress.org/export/1.2/'><channel><item><wp:post_id>1</wp:post_id>"
                + "<wp:comment><wp:comment_id>1</wp:comment_id>"
                + "<wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt>"
                + "<wp:comment_content><![CDATA[" + content + "]]></wp:comment_content>"
                + "<wp:comment_approved>1</wp:comment_approved></wp:comment></item></channel></rss>");

        SourceComment comment = Recorder.read(file).comment("1");

        assertThat(comment.content()).hasSize(65_535).isEqualTo(content);
    }

    @Test
    void aGzipFileReadsAsThePlainFile() throws IOException {
        Path gzip = dir.resolve("export.xml.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            Files.copy(Recorder.fixture("wxr-1.0-bare-fields.xml"), out);
        }

        assertThat(ImportSource.of(gzip).isGzip()).isTrue();
        assertThat(Recorder.read(gzip).records).hasSize(3)
                .isEqualTo(Recorder.read("wxr-1.0-bare-fields.xml").records);
    }

    @Test
    void everyReadHandsOverTheSameRecords() {
        WxrReader reader = new WxrReader();
        ImportSource source = ImportSource.of(Recorder.fixture("thread-identity.xml"));
        Recorder first = new Recorder();
        Recorder second = new Recorder();

        reader.read(source, first);
        reader.read(source, second);

        assertThat(first.records).hasSize(14).isEqualTo(second.records);
    }

    @Test
    void aRootOtherThanRssIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> Recorder.read("not-rss.xml"))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(43);
                })
                .hasMessage("line 3, column 43: not a WordPress export: the root element is <feed>, not <rss>");
    }

    @Test
    void aDoctypeDeclaringEntitiesIsRefused() {
        assertThatThrownBy(() -> Recorder.read("doctype-entities.xml"))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("line 5, column 4: a DOCTYPE is not allowed (DTDs and entities are refused)");
    }

    @Test
    void aDoctypeWithoutEntitiesIsRefusedToo() {
        Recorder read = new Recorder();

        assertThatThrownBy(() -> new WxrReader().read(ImportSource.of(Recorder.fixture("doctype-bare.xml")), read))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("line 2, column 51: a DOCTYPE is not allowed (DTDs and entities are refused)");
        assertThat(read.records).isEmpty();
    }

    @Test
    void aTruncatedFileFailsWithItsLineAndColumnAfterHandingOverTheCommentsBefore() {
        Recorder read = new Recorder();

        assertThatThrownBy(() -> new WxrReader().read(ImportSource.of(Recorder.fixture("truncated.xml")), read))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(14);
                    // The column is the parser's count on the file's last, empty line; only its presence matters.
                    assertThat(e.column()).isPositive();
                })
                .hasMessageStartingWith("line 14, column ")
                .hasMessageContaining(": not well-formed XML: ");
        // Comments are handed over as they end: the complete one came before the failure.
        assertThat(read.commentIds()).containsExactly("1");
    }

    @Test
    void bytesNotValidInTheDeclaredEncodingAreAFormatErrorWithTheirPlaceAndNothingIsPrinted() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item><wp:post_id>7</wp:post_id>\n"
                + "<wp:comment><wp:comment_id>2</wp:comment_id><wp:comment_content>caf").getBytes(StandardCharsets.UTF_8));
        // A Latin-1 e-acute in a file that says it is UTF-8.
        bytes.write(0xE9);
        bytes.writeBytes(" latin1</wp:comment_content></wp:comment></item></channel></rss>\n"
                .getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("latin1-as-utf8.xml"), bytes.toByteArray());

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> Recorder.read(file))
                    .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                        assertThat(e.line()).isEqualTo(3);
                        assertThat(e.column()).isEqualTo(68);
                    })
                    .hasMessage("line 3, column 68: not well-formed XML: bytes that are not valid UTF-8 (is the file"
                            + " in another encoding than it declares?)");
        } finally {
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aUtf16FileWithAByteOrderMarkReadsAsText() throws IOException {
        String xml = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                + "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item><wp:post_id>7</wp:post_id>"
                + "<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>Ren\u00e9e \uD83D\uDE00"
                + "</wp:comment_content></wp:comment></item></channel></rss>";
        Path file = Files.write(dir.resolve("utf16.xml"), xml.getBytes(StandardCharsets.UTF_16LE));

        assertThat(Recorder.read(file).comment("1").content()).isEqualTo("Ren\u00e9e \uD83D\uDE00");
    }

    @Test
    void anEncodingThisRuntimeDoesNotKnowIsAFormatErrorAtItsName() throws IOException {
        Path file = Files.writeString(dir.resolve("unknown-encoding.xml"),
                "<?xml version=\"1.0\" encoding=\"x-no-such-encoding\"?>\n<rss/>\n");

        assertThatThrownBy(() -> Recorder.read(file))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("line 1, column 31: the declared encoding \"x-no-such-encoding\" is not supported");
    }
}
