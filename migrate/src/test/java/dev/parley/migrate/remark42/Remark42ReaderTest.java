package dev.parley.migrate.remark42;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.migrate.ContentFormat;
import dev.parley.migrate.IdScope;
import dev.parley.migrate.ImportFormatException;
import dev.parley.migrate.ImportSource;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.RecordingHandler;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;
import dev.parley.storage.Kind;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Remark42ReaderTest {

    private static final String HELLO = "https://blog.example/2019/hello/";
    private static final String CLOSED = "https://blog.example/2019/closed/";
    private static final String NEW = "https://blog.example/2020/new/";

    private final Remark42Reader reader = new Remark42Reader();

    @TempDir
    Path dir;

    private static ImportSource fixture(String name) throws URISyntaxException {
        return ImportSource.of(Path.of(Remark42ReaderTest.class.getResource(name).toURI()));
    }

    private RecordingHandler read(String name) throws URISyntaxException {
        return RecordingHandler.read(reader, fixture(name));
    }

    private ImportSource file(String content) throws IOException {
        Path path = Files.createTempFile(dir, "backup", ".jsonl");
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return ImportSource.of(path);
    }

    private static List<Provenance.Field> fields(SourceComment comment) {
        return comment.provenance().fields();
    }

    private static Provenance.Field field(String name, String value) {
        return new Provenance.Field(name, value);
    }

    @Test
    void namesItsSystemAndSourceWideIds() {
        assertThat(reader.system()).isEqualTo("remark42");
        assertThat(reader.idScope()).isEqualTo(IdScope.SOURCE);
    }

    @Test
    void metaPostsAreThreadsHandedOverBeforeAnyComment() throws Exception {
        RecordingHandler read = read("backup-v1.jsonl");

        assertThat(read.events.subList(0, 2)).containsExactly(
                new SourceThread(HELLO, HELLO, null, null),
                new SourceThread(CLOSED, CLOSED, null, null));
        assertThat(read.threads).containsExactly(
                new SourceThread(HELLO, HELLO, null, null),
                new SourceThread(CLOSED, CLOSED, null, null),
                new SourceThread(NEW, NEW, null, "New post"));
        assertThat(read.commentIds()).containsExactly("c1", "c2", "c3", "c4", "c5", "c6", "c7");
    }

    @Test
    void rootCommentMapsEveryComponentAndKeepsEveryOtherMemberInDocumentOrder() throws Exception {
        SourceComment c1 = read("backup-v1.jsonl").comment("c1");

        assertThat(c1.threadId()).isEqualTo(HELLO);
        assertThat(c1.parentId()).isNull();
        assertThat(c1.status()).isEqualTo(Status.APPROVED);
        assertThat(c1.kind()).isEqualTo(Kind.COMMENT);
        assertThat(c1.authorName()).isEqualTo("Alice");
        assertThat(c1.authorEmail()).isNull();
        assertThat(c1.authorUrl()).isNull();
        // user.ip is a keyed hash, not an address: it stays a raw field.
        assertThat(c1.authorIp()).isNull();
        assertThat(c1.authorUserAgent()).isNull();
        assertThat(c1.content()).isEqualTo("Hello *world*");
        assertThat(c1.format()).isEqualTo(ContentFormat.MARKDOWN);
        assertThat(c1.createdAt()).isEqualTo(Instant.parse("2019-01-02T00:04:05.123456789Z"));
        assertThat(c1.updatedAt()).isNull();
        assertThat(c1.warnings()).isEmpty();
        Provenance p = c1.provenance();
        assertThat(p.system()).isEqualTo("remark42");
        assertThat(p.sourceId()).isEqualTo("c1");
        assertThat(p.threadId()).isEqualTo(HELLO);
        assertThat(p.parentId()).isNull();
        assertThat(p.status()).isNull();
        assertThat(p.type()).isNull();
        assertThat(p.date()).isEqualTo("2019-01-02T03:04:05.123456789+03:00");
        assertThat(p.metadata()).isEmpty();
        assertThat(p.fields()).containsExactly(
                field("text", "<p>Hello <em>world</em></p>\n"),
                field("user.id", "github_ef0f706a"),
                field("user.picture", "https://remark42.example/api/v1/avatar/ef0f.image"),
                field("user.ip", "2d1c0f8a6e5b"),
                field("user.admin", "false"),
                field("user.verified", "true"),
                field("locator.site", "blog"),
                field("score", "2"),
                field("votes", "{\"github_1\":true,\"google_2\":false}"),
                field("voted_ips", "{\"a1b2\":{\"Timestamp\":\"2019-01-02T04:00:00Z\",\"Value\":true}}"),
                field("vote", "0"),
                field("controversy", "1.50"),
                field("pin", "true"),
                field("ext", "{\"links\":[\"https://a.example/x\"],\"n\":1e3,\"none\":null}"),
                field("title", "Hello"));
    }

    @Test
    void replyKeepsItsRawParentAndTakesItsEditTime() throws Exception {
        SourceComment c2 = read("backup-v1.jsonl").comment("c2");

        assertThat(c2.parentId()).isEqualTo("c1");
        assertThat(c2.provenance().parentId()).isEqualTo("c1");
        assertThat(c2.createdAt()).isEqualTo(Instant.parse("2019-01-03T10:00:00Z"));
        assertThat(c2.updatedAt()).isEqualTo(Instant.parse("2019-01-03T10:05:30.500Z"));
        assertThat(c2.authorName()).isEqualTo("Bob");
        assertThat(c2.content()).isEqualTo("Thanks!");
        assertThat(fields(c2)).containsExactly(
                field("text", "<p>Thanks!</p>\n"),
                field("user.id", "google_123"),
                field("user.picture", ""),
                field("user.ip", "9f8e7d"),
                field("user.admin", "true"),
                field("user.block", "false"),
                field("locator.site", "blog"),
                field("score", "0"),
                field("vote", "0"),
                field("edit.time", "2019-01-03T10:05:30.5Z"),
                field("edit.summary", "typo"),
                field("title", "Hello"));
    }

    @Test
    void replyBeforeItsParentIsHandedOverInFileOrderWithItsParentIdRaw() throws Exception {
        RecordingHandler read = read("backup-v1.jsonl");

        SourceComment c3 = read.comment("c3");
        assertThat(read.commentIds().indexOf("c3")).isLessThan(read.commentIds().indexOf("c4"));
        assertThat(c3.parentId()).isEqualTo("c4");
        assertThat(c3.threadId()).isEqualTo(CLOSED);
        // An empty Markdown source: the rendered HTML is the content.
        assertThat(c3.content()).isEqualTo("<p>Reply first</p>");
        assertThat(c3.format()).isEqualTo(ContentFormat.HTML);
        assertThat(c3.createdAt()).isEqualTo(Instant.parse("2019-02-01T05:00:00Z"));
        assertThat(c3.provenance().date()).isEqualTo("2019-02-01T00:00:00-05:00");
        assertThat(fields(c3)).containsExactly(field("text", "<p>Reply first</p>"), field("user.id", "email_c"),
                field("locator.site", "blog"), field("score", "-1"), field("vote", "-1"));
    }

    @Test
    void deletedCommentIsDeletedWithTheRawFlagAsItsStatus() throws Exception {
        RecordingHandler read = read("backup-v1.jsonl");

        SourceComment c4 = read.comment("c4");
        assertThat(c4.status()).isEqualTo(Status.DELETED);
        assertThat(c4.provenance().status()).isEqualTo("true");
        assertThat(c4.parentId()).isNull();
        assertThat(c4.content()).isEmpty();
        assertThat(c4.format()).isEqualTo(ContentFormat.HTML);
        assertThat(c4.authorName()).isEqualTo("deleted");
        SourceComment c5 = read.comment("c5");
        assertThat(c5.status()).isEqualTo(Status.APPROVED);
        assertThat(c5.provenance().status()).isEqualTo("false");
    }

    @Test
    void arrayLineAndObjectWithoutIdAreSkippedWithWarningsNamingTheirLines() throws Exception {
        RecordingHandler read = read("backup-v1.jsonl");

        assertThat(read.warnings).containsExactly(
                new ImportWarning(ImportWarning.Code.RECORD_SKIPPED, null, null,
                        "line 7: a JSON array, not a comment object: skipped"),
                new ImportWarning(ImportWarning.Code.RECORD_SKIPPED, HELLO, null,
                        "line 8: a comment without \"id\": skipped"));
        // Each warning comes in its place among the records.
        assertThat(read.events.indexOf(read.warnings.get(0))).isEqualTo(read.events.indexOf(read.comment("c4")) + 1);
    }

    @Test
    void commentOnAPageTheHeaderDoesNotListHandsItsThreadOverOnceTitledByTheFirstComment() throws Exception {
        RecordingHandler read = read("backup-v1.jsonl");

        SourceThread thread = new SourceThread(NEW, NEW, null, "New post");
        assertThat(read.threads).filteredOn(t -> t.id().equals(NEW)).containsExactly(thread);
        assertThat(read.events.indexOf(thread)).isEqualTo(read.events.indexOf(read.comment("c5")) - 1);
        SourceComment c5 = read.comment("c5");
        assertThat(fields(c5)).containsExactly(field("text", "<p>Elsewhere</p>"), field("user.id", "wordpress_abc"),
                field("locator.site", "blog"), field("score", "0"), field("vote", "0"), field("imported", "true"),
                field("title", "New post"));
        assertThat(read.comment("c6").provenance().field("title")).isEqualTo("New post (renamed)");
    }

    @Test
    void astralCharactersAndNewlinesAreKeptWhetherWrittenOrEscaped() throws Exception {
        SourceComment c6 = read("backup-v1.jsonl").comment("c6");

        assertThat(c6.content()).isEqualTo("Smile \uD83D\uDE00\nnext line \uD834\uDD1E \uD83C\uDF89");
        assertThat(c6.content().codePointCount(0, c6.content().length())).isEqualTo(21);
        assertThat(c6.content()).hasSize(24);
        assertThat(c6.authorName()).isEqualTo("\u00c9mile \uD83D\uDE00");
        assertThat(c6.provenance().field("text"))
                .isEqualTo("<p>Smile \uD83D\uDE00<br/>\nnext line \uD834\uDD1E \uD83C\uDF89</p>");
        assertThat(c6.parentId()).isEqualTo("c5");
    }

    @Test
    void commentWithoutUrlOrUsableTimeFallsBackWithWarnings() throws Exception {
        SourceComment c7 = read("backup-v1.jsonl").comment("c7");

        assertThat(c7.threadId()).isEqualTo("unknown");
        assertThat(c7.provenance().threadId()).isNull();
        assertThat(c7.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(c7.provenance().date()).isEqualTo("yesterday");
        assertThat(c7.warnings()).containsExactly(
                new ImportWarning(ImportWarning.Code.THREAD_MISSING, "unknown", "c7",
                        "line 12: no \"locator.url\": imported under the thread \"unknown\""),
                new ImportWarning(ImportWarning.Code.DATE_FALLBACK, "unknown", "c7",
                        "line 12: \"time\" \"yesterday\" is not an RFC 3339 date: 1970-01-01T00:00:00Z is used; "
                                + "the raw value is kept"));
        assertThat(fields(c7)).containsExactly(field("text", "<p>lost</p>"), field("locator.site", "blog"));
    }

    @Test
    void versionZeroHeaderWithByteOrderMarkIsReadAndItsBadPostsReported() throws Exception {
        RecordingHandler read = read("backup-v0.jsonl");

        assertThat(read.threads).containsExactly(
                new SourceThread("https://old.example/a", "https://old.example/a", null, null));
        assertThat(read.warnings).extracting(ImportWarning::code, ImportWarning::message).containsExactly(
                tuple(ImportWarning.Code.RECORD_SKIPPED, "line 1: post 2 of the meta header repeats the url "
                        + "https://old.example/a: its thread is handed over once"),
                tuple(ImportWarning.Code.RECORD_SKIPPED, "line 1: post 3 of the meta header has no \"url\": skipped"),
                tuple(ImportWarning.Code.RECORD_SKIPPED, "line 1: post 4 of the meta header is not an object: "
                        + "skipped"));
        SourceComment c = read.comment("1");
        assertThat(c.threadId()).isEqualTo("https://old.example/a");
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2015-06-01T12:00:00Z"));
        assertThat(c.content()).isEqualTo("<p>old</p>");
        assertThat(c.format()).isEqualTo(ContentFormat.HTML);
    }

    @Test
    void unsupportedVersionIsRefusedBeforeAnyRecord() throws Exception {
        RecordingHandler handler = new RecordingHandler();

        assertThatThrownBy(() -> reader.read(fixture("bad-version.jsonl"), handler))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("line 1: unsupported Remark42 backup version 2: versions 0 and 1 are read");
        assertThat(handler.events).isEmpty();
    }

    @Test
    void headerThatIsNotOneIsRefused() throws Exception {
        assertThatThrownBy(() -> RecordingHandler.read(reader, file("\n\n{\"users\":[],\"posts\":[]}\n")))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("line 3: not a Remark42 backup: the meta header has no \"version\"");
        assertThatThrownBy(() -> RecordingHandler.read(reader, file("{\"version\":\"1\"}\n")))
                .hasMessage("line 1: unsupported Remark42 backup version \"1\": versions 0 and 1 are read");
        assertThatThrownBy(() -> RecordingHandler.read(reader, file("[{\"version\":1}]\n")))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageStartingWith("line 1, column 1: not a Remark42 backup: the first line is not its meta");
        assertThatThrownBy(() -> RecordingHandler.read(reader, file(" \n\t\n")))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("not a Remark42 backup: the file is empty");
    }

    @Test
    void lineThatIsNotJsonThrowsWithItsLineAndColumnAfterTheRecordsBeforeIt() throws Exception {
        RecordingHandler handler = new RecordingHandler();

        assertThatThrownBy(() -> reader.read(fixture("not-json.jsonl"), handler))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    // One past the end of the 35 characters of {"id":"2","pid":"1","text":"<p>cut}
                    assertThat(e.column()).isEqualTo(36);
                    assertThat(e.getMessage()).startsWith("line 4, column 36: not valid JSON: Unexpected end-of-input");
                });
        assertThat(handler.commentIds()).containsExactly("1");
    }

    @Test
    void twoValuesOnOneLineAreNotOneComment() throws Exception {
        ImportSource source = file("{\"version\":1}\n{\"id\":\"a\"} {\"id\":\"b\"}\n");

        assertThatThrownBy(() -> RecordingHandler.read(reader, source))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("line 2, column 12: more than one JSON value on the line");
    }

    @Test
    void gzipBackupReadsExactlyAsThePlainFile() throws Exception {
        assertThat(fixture("backup-v1.jsonl.gz").isGzip()).isTrue();

        RecordingHandler gzip = read("backup-v1.jsonl.gz");
        RecordingHandler plain = read("backup-v1.jsonl");

        assertThat(gzip.events).isEqualTo(plain.events);
        assertThat(gzip.comments).hasSize(7);
    }

    @Test
    void truncatedGzipThrowsNamingTheLineItCutAfterHandingOverTheLinesBefore() throws Exception {
        byte[] whole = Files.readAllBytes(fixture("backup-v1.jsonl.gz").path());
        // Three quarters of the 899 bytes hold lines 1 to 5 whole and part of line 6.
        Path cut = dir.resolve("backup-blog-20240101.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 3 / 4));
        RecordingHandler handler = new RecordingHandler();

        assertThatThrownBy(() -> reader.read(ImportSource.of(cut), handler))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> {
                    assertThat(e.getMessage()).startsWith("line 6: the gzip stream is truncated or damaged (");
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.column()).isEqualTo(-1);
                });
        assertThat(handler.threads).hasSize(2);
        assertThat(handler.commentIds()).containsExactly("c1", "c2", "c3");
    }

    @Test
    void gzipWithoutItsTrailerThrowsOnTheLastLineUnfinished() throws Exception {
        byte[] whole = Files.readAllBytes(fixture("backup-v1.jsonl.gz").path());
        Path cut = dir.resolve("no-trailer.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 8));
        RecordingHandler handler = new RecordingHandler();

        assertThatThrownBy(() -> reader.read(ImportSource.of(cut), handler))
                .isInstanceOfSatisfying(ImportFormatException.class, e -> assertThat(e.line()).isEqualTo(12));
        assertThat(handler.commentIds()).containsExactly("c1", "c2", "c3", "c4", "c5", "c6");
    }

    @Test
    void gzipCutInsideItsHeaderIsAFormatError() throws Exception {
        byte[] whole = Files.readAllBytes(fixture("backup-v1.jsonl.gz").path());
        Path header = dir.resolve("header-only.gz");
        Files.write(header, Arrays.copyOf(whole, 5));

        assertThatThrownBy(() -> RecordingHandler.read(reader, ImportSource.of(header)))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageStartingWith("the gzip header of header-only.gz is truncated or damaged");
    }

    @Test
    void readingTwiceHandsOverTheSameRecords() throws Exception {
        ImportSource source = fixture("backup-v1.jsonl");

        assertThat(RecordingHandler.read(reader, source).events).isEqualTo(RecordingHandler.read(reader, source).events);
    }

    @Test
    void repeatedOrStructuredMappedMembersAreKeptRawNotLost() throws Exception {
        ImportSource source = file("{\"version\":1,\"posts\":[]}\n"
                + "{\"id\":\"a\",\"id\":\"b\",\"pid\":null,\"delete\":\"yes\",\"time\":{\"t\":1},"
                + "\"user\":\"not an object\",\"locator\":{\"url\":\"https://x.example/p\",\"url\":\"dup\"},"
                + "\"orig\":null,\"text\":\"<b>t</b>\"}\n");

        SourceComment a = RecordingHandler.read(reader, source).comment("a");

        assertThat(a.parentId()).isNull();
        assertThat(a.status()).isEqualTo(Status.APPROVED);
        assertThat(a.provenance().status()).isEqualTo("yes");
        assertThat(a.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(a.provenance().date()).isNull();
        assertThat(a.authorName()).isEmpty();
        assertThat(a.content()).isEqualTo("<b>t</b>");
        assertThat(a.format()).isEqualTo(ContentFormat.HTML);
        assertThat(a.threadId()).isEqualTo("https://x.example/p");
        assertThat(fields(a)).containsExactly(field("id", "b"), field("time", "{\"t\":1}"),
                field("user", "not an object"), field("locator.url", "dup"), field("text", "<b>t</b>"));
        assertThat(a.warnings()).extracting(ImportWarning::code).containsExactly(ImportWarning.Code.DATE_FALLBACK);
        assertThat(a.warnings().get(0).message()).isEqualTo("line 2: no \"time\": 1970-01-01T00:00:00Z is used");
    }

    @Test
    void fieldsPastWhatAProvenanceHoldsAreLeftOutWithOneWarning() throws Exception {
        StringBuilder line = new StringBuilder("{\"id\":\"big\",\"time\":\"2020-01-01T00:00:00Z\"");
        for (int i = 0; i < Provenance.MAX_ENTRIES + 2; i++) {
            line.append(",\"m").append(i).append("\":").append(i);
        }
        ImportSource source = file("{\"version\":1}\n" + line + "}\n");

        SourceComment big = RecordingHandler.read(reader, source).comment("big");

        assertThat(fields(big)).hasSize(Provenance.MAX_ENTRIES);
        assertThat(fields(big).get(Provenance.MAX_ENTRIES - 1)).isEqualTo(field("m999", "999"));
        assertThat(big.warnings()).extracting(ImportWarning::code, ImportWarning::message).containsExactly(
                tuple(ImportWarning.Code.THREAD_MISSING, "line 2: no \"locator.url\": imported under the thread "
                        + "\"unknown\""),
                tuple(ImportWarning.Code.METADATA_TRUNCATED,
                        "2 raw field(s) past what a provenance holds left out: m1000, m1001"));
    }

    @Test
    void linesLongerThanTheReadBufferAreReadWhole() throws Exception {
        StringBuilder users = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            users.append(i == 0 ? "" : ",").append("{\"id\":\"github_").append(i)
                    .append("\",\"blocked\":{\"status\":false,\"until\":\"0001-01-01T00:00:00Z\"},\"verified\":false}");
        }
        // 70,000 astral characters: 280,000 bytes, so some fall across the 64 KiB chunks the file is read in.
        String text = "\uD83D\uDE00".repeat(70_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(("{\"version\":1,\"users\":[" + users + "],\"posts\":[{\"url\":\"https://x.example/\"}]}\n"
                    + "{\"id\":\"long\",\"orig\":\"" + text + "\",\"locator\":{\"url\":\"https://x.example/\"},"
                    + "\"time\":\"2021-01-01T00:00:00Z\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        Path path = dir.resolve("backup-big-20210101.gz");
        Files.write(path, bytes.toByteArray());

        RecordingHandler read = RecordingHandler.read(reader, ImportSource.of(path));

        assertThat(users.length()).isGreaterThan(200_000);
        assertThat(read.threads).hasSize(1);
        assertThat(read.comment("long").content()).isEqualTo(text);
        assertThat(read.warnings).isEmpty();
    }

    @Test
    void gzipWrittenByAnotherToolWithCrlfLinesReads() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(("{\"version\":1,\"posts\":[{\"url\":\"https://x.example/\"}]}\r\n\r\n"
                    + "{\"id\":\"1\",\"locator\":{\"url\":\"https://x.example/\"},\"time\":\"2021-03-04T05:06:07z\"}\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        Path path = dir.resolve("backup-x-20210304.gz");
        Files.write(path, bytes.toByteArray());

        RecordingHandler read = RecordingHandler.read(reader, ImportSource.of(path));

        assertThat(read.comment("1").createdAt()).isEqualTo(Instant.parse("2021-03-04T05:06:07Z"));
        assertThat(read.comment("1").warnings()).isEmpty();
        assertThat(read.threads).containsExactly(new SourceThread("https://x.example/", "https://x.example/", null,
                null));
    }

    @Test
    void rawTimeAndDeleteTooLongForAProvenanceAreKeptAsFields() throws Exception {
        String time = "x".repeat(Provenance.MAX_RAW_LENGTH + 45);
        String delete = "y".repeat(Provenance.MAX_RAW_LENGTH + 1);
        ImportSource source = file("{\"version\":1,\"posts\":[{\"url\":\"" + HELLO + "\"}]}\n"
                + "{\"id\":\"c1\",\"locator\":{\"url\":\"" + HELLO + "\"},\"time\":\"" + time + "\",\"delete\":\""
                + delete + "\",\"score\":1}\n"
                + "{\"id\":\"c2\",\"locator\":{\"url\":\"" + HELLO + "\"},\"time\":\"2020-01-01T00:00:00Z\"}\n");

        RecordingHandler read = RecordingHandler.read(reader, source);

        SourceComment c1 = read.comment("c1");
        assertThat(c1.provenance().status()).isNull();
        assertThat(c1.provenance().date()).isNull();
        assertThat(fields(c1)).containsExactly(field("score", "1"), field("delete", delete), field("time", time));
        assertThat(c1.status()).isEqualTo(Status.APPROVED);
        assertThat(c1.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(read.comments).extracting(SourceComment::id).containsExactly("c1", "c2");
        assertThat(read.warnings).isEmpty();
    }

    @Test
    void commentWhoseIdNoProvenanceHoldsIsSkippedWithAWarningAndTheNextIsRead() throws Exception {
        String longId = "i".repeat(Provenance.MAX_ID_LENGTH + 1);
        ImportSource source = file("{\"version\":1,\"posts\":[{\"url\":\"" + HELLO + "\"}]}\n"
                + "{\"id\":\"" + longId + "\",\"locator\":{\"url\":\"" + HELLO + "\"},\"time\":\"2020-01-01T00:00:00Z\"}\n"
                + "{\"id\":\"c2\",\"locator\":{\"url\":\"" + HELLO + "\"},\"time\":\"2020-01-01T00:00:00Z\"}\n");

        RecordingHandler read = RecordingHandler.read(reader, source);

        assertThat(read.comments).extracting(SourceComment::id).containsExactly("c2");
        assertThat(read.warnings).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(ImportWarning.Code.RECORD_SKIPPED);
            assertThat(w.commentId()).isEqualTo(longId);
            assertThat(w.message()).isEqualTo("line 2: the comment cannot be kept, skipped: source id must be at most "
                    + Provenance.MAX_ID_LENGTH + " characters, was " + longId.length());
        });
    }
}
