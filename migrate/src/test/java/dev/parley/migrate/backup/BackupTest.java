package dev.parley.migrate.backup;

import static dev.parley.migrate.Comments.T0;
import static dev.parley.migrate.Comments.reply;
import static dev.parley.migrate.Comments.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.migrate.ExportReport;
import dev.parley.migrate.ImportFormatException;
import dev.parley.migrate.ImportProgress;
import dev.parley.migrate.ImportSource;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupTest {

    /** Characters a backup must keep exactly: C0 and C1 controls, DEL, unpaired surrogates, astral, separators. */
    private static final String AWKWARD = "a\u0000b\u0001\t\n\r\u001f\u007f\u0085\u2028\u2029 \uD800 \uDFFF "
            + "\uD83D\uDE00 \uFFFE\uFFFF \"quoted\" back\\slash </script> ]]>";

    @TempDir
    Path dir;

    private static BackupWriter writer() {
        return BackupWriter.builder().pageSize(7).build();
    }

    private static byte[] backup(CommentStore store) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer().write(store, out, ImportProgress.Listener.NONE);
        return out.toByteArray();
    }

    private ImportSource file(byte[] bytes) throws IOException {
        Path path = Files.createTempFile(dir, "backup", ".jsonl");
        Files.write(path, bytes);
        return ImportSource.of(path);
    }

    private static RestoreReport restore(ImportSource source, CommentStore store) {
        return BackupReader.builder().batchSize(5).build().restore(source, store, ImportProgress.Listener.NONE);
    }

    private static List<Comment> all(CommentStore store) {
        List<Comment> all = new ArrayList<>();
        PageRequest request = PageRequest.first(Order.OLDEST_FIRST, 1000);
        while (true) {
            var page = store.scan(request);
            all.addAll(page.items());
            if (page.next() == null) {
                return all;
            }
            request = request.next(page.next());
        }
    }

    /**
     * Every field, every status and kind, twelve threads with replies, a depth-capped reply, ties in time, the
     * earliest and latest instants a comment may carry, and raw values with characters JSON must escape.
     */
    static InMemoryCommentStore richStore() {
        InMemoryCommentStore store = new InMemoryCommentStore();
        List<String> threads = List.of("/2019/05/hello/", "/?p=4", "/über/ünï", "source:12");
        int minute = 0;
        for (int t = 0; t < 12; t++) {
            String thread = t < threads.size() ? threads.get(t) : "/post/" + t;
            Comment first = root("t" + t + "a", thread, minute++).build();
            Comment second = root("t" + t + "b", thread, minute++).status(Status.PENDING).build();
            Comment answer = reply("t" + t + "r1", first, minute++).build();
            Comment deeper = reply("t" + t + "r2", answer, minute++).status(Status.DELETED).build();
            store.insertAll(List.of(first, second, answer, deeper));
        }
        Comment full = root("full", "/full", minute++)
                .author(new Author("Tom & Jerry " + AWKWARD, "tom@example.org", "https://tom.example/?a=1&b=2",
                        "user-17", "2001:db8::1", "Mozilla/5.0 " + AWKWARD))
                .text("**raw** " + AWKWARD)
                .html("<p>raw " + AWKWARD + "</p>")
                .status(Status.SPAM)
                .moderationReason("held: 3 links, limit 2 " + AWKWARD)
                .createdAt(Instant.parse("2024-03-01T12:00:00.123456Z"))
                .updatedAt(Instant.parse("2024-03-02T08:30:00.000001Z"))
                .version(7)
                .attributes(Map.of("z.last", "z", "a:first", AWKWARD, "m-middle", ""))
                .provenance(Provenance.builder("wordpress", "35")
                        .threadId("7").parentId("0").status("spam").type("").date("2024-03-01 13:00:00")
                        .field("comment_author", "Tom &amp; Jerry")
                        .field("comment_agent", AWKWARD)
                        .field("empty", "")
                        .metadata("akismet_result", "true")
                        .metadata("akismet_history", "a:1:{s:4:\"time\";d:1.5;}")
                        .metadata("akismet_result", AWKWARD)
                        .build())
                .build();
        Comment capTarget = reply("cap-target", full, minute++).build();
        Comment capped = Comment.builder()
                .id(CommentId.of("capped"))
                .thread(full.thread())
                .parentId(full.id())
                .rootId(full.id())
                .depth(1)
                .inReplyToId(capTarget.id())
                .author(Author.named("Cap"))
                .createdAt(T0.plusSeconds(60L * minute++))
                .build();
        store.insertAll(List.of(full, capTarget, capped));
        for (Kind kind : Kind.values()) {
            for (Status status : Status.values()) {
                Comment.Builder builder = root(kind + "-" + status, "/kinds", 500).kind(kind).status(status);
                if (kind.isLinkback()) {
                    builder.linkback(new Linkback("https://source.example/" + kind + "/" + status,
                            kind == Kind.PINGBACK ? "" : "Title " + AWKWARD));
                }
                store.insert(builder.build());
            }
        }
        store.insert(root("earliest", "/edges", 0).createdAt(Comment.EARLIEST).build());
        store.insert(root("latest", "/edges", 0).createdAt(Comment.LATEST).build());
        store.insert(root("plain", "/edges", 0).provenance(Provenance.of("isso", "4")).build());
        return store;
    }

    @Nested
    class Format {

        @Test
        void minimalCommentIsOneLineWithEveryKeyInOrderAndNulls() {
            InMemoryCommentStore store = new InMemoryCommentStore();
            store.insert(root("c1", "/t", 0).build());

            String text = new String(backup(store), StandardCharsets.UTF_8);

            assertThat(text).isEqualTo("""
                    {"format":"parley-backup","version":1}
                    {"id":"c1","thread":"/t","parentId":null,"rootId":"c1","depth":0,"inReplyToId":null,\
                    "kind":"COMMENT","status":"APPROVED","author":{"name":"Ann","email":null,"url":null,\
                    "userId":null,"ip":null,"userAgent":null},"text":"c1","html":"<p>c1</p>","linkback":null,\
                    "moderationReason":null,"createdAt":"2024-03-01T10:00:00Z","updatedAt":"2024-03-01T10:00:00Z",\
                    "version":0,"attributes":{},"provenance":null}
                    {"end":true,"comments":1}
                    """);
        }

        @Test
        void emptyStoreIsHeaderAndFooter() {
            assertThat(new String(backup(new InMemoryCommentStore()), StandardCharsets.UTF_8))
                    .isEqualTo("{\"format\":\"parley-backup\",\"version\":1}\n{\"end\":true,\"comments\":0}\n");
        }

        @Test
        void replyLinkbackAttributesAndProvenanceAreWrittenInFixedOrder() {
            InMemoryCommentStore store = new InMemoryCommentStore();
            Comment parent = root("p1", "/t", 0).build();
            store.insert(parent);
            store.insert(reply("r1", parent, 1).kind(Kind.PINGBACK)
                    .linkback(new Linkback("https://a.example/x", "A title"))
                    .attributes(Map.of("b", "2", "a", "1"))
                    .provenance(Provenance.builder("wordpress", "9").threadId("3").type("pingback")
                            .field("comment_user_id", "0").metadata("k", "v").build())
                    .build());

            String[] lines = new String(backup(store), StandardCharsets.UTF_8).split("\n");

            assertThat(lines[2]).isEqualTo("{\"id\":\"r1\",\"thread\":\"/t\",\"parentId\":\"p1\",\"rootId\":\"p1\","
                    + "\"depth\":1,\"inReplyToId\":\"p1\",\"kind\":\"PINGBACK\",\"status\":\"APPROVED\","
                    + "\"author\":{\"name\":\"Bob\",\"email\":null,\"url\":null,\"userId\":null,\"ip\":null,"
                    + "\"userAgent\":null},\"text\":\"r1\",\"html\":\"<p>r1</p>\","
                    + "\"linkback\":{\"sourceUrl\":\"https://a.example/x\",\"title\":\"A title\"},"
                    + "\"moderationReason\":null,\"createdAt\":\"2024-03-01T10:01:00Z\","
                    + "\"updatedAt\":\"2024-03-01T10:01:00Z\",\"version\":0,\"attributes\":{\"a\":\"1\",\"b\":\"2\"},"
                    + "\"provenance\":{\"system\":\"wordpress\",\"sourceId\":\"9\",\"threadId\":\"3\","
                    + "\"parentId\":null,\"status\":null,\"type\":\"pingback\",\"date\":null,"
                    + "\"fields\":[[\"comment_user_id\",\"0\"]],\"metadata\":[[\"k\",\"v\"]]}}");
        }

        @Test
        void controlCharactersAndUnpairedSurrogatesAreEscapedAsUnicodeEscapes() {
            InMemoryCommentStore store = new InMemoryCommentStore();
            store.insert(root("c1", "/t", 0).text("x\u0000\u001f\uD800y\uDC00\uD83D\uDE00").build());

            String text = new String(backup(store), StandardCharsets.UTF_8);

            assertThat(text).contains("\"text\":\"x\\u0000\\u001F\\uD800y\\uDC00\uD83D\uDE00\"");
        }

        @Test
        void reportCountsCommentsAndThreadsAndTheLastProgressCountsAll() {
            InMemoryCommentStore store = richStore();
            List<ImportProgress> progress = new ArrayList<>();
            Clock fixed = Clock.fixed(T0, ZoneOffset.UTC);

            ExportReport report = BackupWriter.builder().pageSize(7).clock(fixed).build()
                    .write(store, OutputStream.nullOutputStream(), progress::add);

            assertThat(report.comments()).isEqualTo(all(store).size());
            assertThat(report.threads()).isEqualTo(15);
            assertThat(report.warnings()).isEmpty();
            assertThat(progress.get(progress.size() - 1))
                    .isEqualTo(new ImportProgress(ImportProgress.Phase.EXPORTING, all(store).size(), 0, -1));
        }

        @Test
        void builderNamesEveryBadOption() {
            assertThatThrownBy(() -> BackupWriter.builder().pageSize(0).clock(null).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("page size must be between 1 and 1000, was 0; clock must not be null");
            assertThatThrownBy(() -> BackupReader.builder().batchSize(1001).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("batch size must be between 1 and 1000, was 1001");
        }
    }

    @Nested
    class RoundTrip {

        @Test
        void restoreIntoEmptyStoreThenBackupIsByteIdentical() throws IOException {
            InMemoryCommentStore original = richStore();
            byte[] first = backup(original);
            InMemoryCommentStore restored = new InMemoryCommentStore();

            RestoreReport report = restore(file(first), restored);

            int count = all(original).size();
            assertThat(count).isGreaterThan(7 * 3);
            assertThat(report).isEqualTo(new RestoreReport(false, count, count, 0, 0, 0));
            assertThat(all(restored)).isEqualTo(all(original));
            assertThat(backup(restored)).isEqualTo(first);
        }

        @Test
        void moreThanOneDefaultPageAndBatchRoundTrips() throws IOException {
            InMemoryCommentStore original = new InMemoryCommentStore();
            List<Comment> batch = new ArrayList<>();
            for (int i = 0; i < 2_345; i++) {
                batch.add(root(String.format("c%05d", i), "/t" + (i % 17), i % 50).build());
                if (batch.size() == CommentStore.MAX_BATCH) {
                    original.insertAll(batch);
                    batch.clear();
                }
            }
            original.insertAll(batch);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BackupWriter.builder().build().write(original, out, ImportProgress.Listener.NONE);
            InMemoryCommentStore restored = new InMemoryCommentStore();

            RestoreReport report = BackupReader.builder().build()
                    .restore(file(out.toByteArray()), restored, ImportProgress.Listener.NONE);

            assertThat(report.inserted()).isEqualTo(2_345);
            assertThat(all(restored)).isEqualTo(all(original));
        }

        @Test
        void restoringTheSameFileTwiceChangesNothingTheSecondTime() throws IOException {
            byte[] bytes = backup(richStore());
            ImportSource source = file(bytes);
            InMemoryCommentStore store = new InMemoryCommentStore();
            restore(source, store);
            List<Comment> afterFirst = all(store);

            RestoreReport second = restore(source, store);

            assertThat(second).isEqualTo(new RestoreReport(false, afterFirst.size(), 0, 0, 0, afterFirst.size()));
            assertThat(all(store)).isEqualTo(afterFirst);
            assertThat(backup(store)).isEqualTo(bytes);
        }

        @Test
        void gzipBackupRestores() throws IOException {
            InMemoryCommentStore original = richStore();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                writer().write(original, gzip, ImportProgress.Listener.NONE);
            }
            InMemoryCommentStore restored = new InMemoryCommentStore();

            RestoreReport report = restore(file(compressed.toByteArray()), restored);

            assertThat(report.inserted()).isEqualTo(all(original).size());
            assertThat(backup(restored)).isEqualTo(backup(original));
        }

        @Test
        void changedCommentsAreUpdatedOrReplacedAndVersionsNeverGoBack() throws IOException {
            InMemoryCommentStore store = new InMemoryCommentStore();
            Comment kept = root("kept", "/t", 0).version(3).build();
            Comment edited = root("edited", "/t", 1).version(3).build();
            Comment moved = root("moved", "/t", 2).version(3).build();
            Comment gone = root("gone", "/t", 3).version(3).build();
            store.insertAll(List.of(kept, edited, moved, gone));
            byte[] bytes = backup(store);
            Comment stored = store.update(edited.toBuilder().status(Status.SPAM).text("changed").build());
            store.delete(moved.id());
            store.insert(moved.toBuilder().thread(ThreadKey.of("/elsewhere")).version(9).build());
            store.delete(gone.id());

            RestoreReport report = restore(file(bytes), store);

            assertThat(report).isEqualTo(new RestoreReport(false, 4, 1, 1, 1, 1));
            assertThat(store.find(kept.id())).contains(kept);
            assertThat(store.find(edited.id())).contains(edited.toBuilder().version(stored.version() + 1).build());
            assertThat(store.find(moved.id())).contains(moved.toBuilder().version(10).build());
            assertThat(store.find(gone.id())).contains(gone);
        }

        @Test
        void dryRunComparesAndWritesNothing() throws IOException {
            InMemoryCommentStore store = new InMemoryCommentStore();
            Comment kept = root("kept", "/t", 0).build();
            Comment edited = root("edited", "/t", 1).build();
            store.insertAll(List.of(kept, edited));
            byte[] bytes = backup(store);
            store.update(edited.toBuilder().status(Status.DELETED).build());
            store.insert(root("extra", "/t", 2).build());
            InMemoryCommentStore empty = new InMemoryCommentStore();
            byte[] before = backup(store);

            RestoreReport report = BackupReader.builder().dryRun(true).build()
                    .restore(file(bytes), store, ImportProgress.Listener.NONE);
            RestoreReport intoEmpty = BackupReader.builder().dryRun(true).build()
                    .restore(file(bytes), empty, ImportProgress.Listener.NONE);

            assertThat(report).isEqualTo(new RestoreReport(true, 2, 0, 1, 0, 1));
            assertThat(intoEmpty).isEqualTo(new RestoreReport(true, 2, 2, 0, 0, 0));
            assertThat(backup(store)).isEqualTo(before);
            assertThat(all(empty)).isEmpty();
        }

        @Test
        void progressReportsBothPassesWithTheFileSize() throws IOException {
            byte[] bytes = backup(richStore());
            List<ImportProgress> progress = new ArrayList<>();

            BackupReader.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).build()
                    .restore(file(bytes), new InMemoryCommentStore(), progress::add);

            long count = all(richStore()).size();
            assertThat(progress).contains(
                    new ImportProgress(ImportProgress.Phase.CHECKING, count, bytes.length, bytes.length),
                    new ImportProgress(ImportProgress.Phase.WRITING, count, bytes.length, bytes.length));
            assertThat(progress.get(progress.size() - 1).phase()).isEqualTo(ImportProgress.Phase.WRITING);
        }
    }

    @Nested
    class BrokenFiles {

        private byte[] threeComments() {
            InMemoryCommentStore store = new InMemoryCommentStore();
            store.insertAll(List.of(root("c1", "/t", 0).build(), root("c2", "/t", 1).build(),
                    root("c3", "/t", 2).build()));
            return backup(store);
        }

        private String text() {
            return new String(threeComments(), StandardCharsets.UTF_8);
        }

        private ImportFormatException failure(String content) throws IOException {
            return failure(content.getBytes(StandardCharsets.UTF_8));
        }

        private ImportFormatException failure(byte[] content) throws IOException {
            InMemoryCommentStore store = new InMemoryCommentStore();
            ImportSource source = file(content);
            try {
                restore(source, store);
            } catch (ImportFormatException e) {
                assertThat(all(store)).as("nothing written").isEmpty();
                return e;
            }
            throw new AssertionError("restore did not fail");
        }

        @Test
        void missingFooterIsTruncationAtTheLineAfterTheLastComment() throws IOException {
            String text = text();
            String withoutFooter = text.substring(0, text.indexOf("{\"end\""));

            ImportFormatException e = failure(withoutFooter);

            assertThat(e.line()).isEqualTo(5);
            assertThat(e).hasMessage("line 5: the file ends after 3 comments without its footer line: "
                    + "it was cut short");
        }

        @Test
        void fileCutInsideALineFailsAtThatLine() throws IOException {
            String text = text();
            int third = text.indexOf("{\"id\":\"c3\"");
            String cut = text.substring(0, third + 40);

            ImportFormatException e = failure(cut);

            assertThat(e.line()).isEqualTo(4);
            assertThat(e.getMessage()).startsWith("line 4, column 41: the file ends inside a record: "
                    + "it was cut short");
        }

        @Test
        void cutGzipFileFails() throws IOException {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                gzip.write(threeComments());
            }
            byte[] bytes = compressed.toByteArray();

            ImportFormatException e = failure(Arrays.copyOf(bytes, bytes.length - 12));

            assertThat(e.getMessage()).contains("cut short");
        }

        @Test
        void footerWithWrongCountFails() throws IOException {
            ImportFormatException e = failure(text().replace("\"comments\":3", "\"comments\":4"));

            assertThat(e).hasMessage("line 5, column 1: the footer counts 4 comments, but the file holds 3: "
                    + "it was changed or cut short");
        }

        @Test
        void contentAfterTheFooterFails() throws IOException {
            ImportFormatException e = failure(text() + "{}\n");

            assertThat(e).hasMessage("line 6, column 1: nothing may follow the footer, found an object");
        }

        @Test
        void headerOfAnotherFormatFails() throws IOException {
            ImportFormatException e = failure(text().replace("parley-backup", "remark42"));

            assertThat(e.line()).isEqualTo(1);
            assertThat(e).hasMessage("line 1, column 11: not a Parley backup: the header's format is \"remark42\", "
                    + "not \"parley-backup\"");
        }

        @Test
        void headerOfANewerVersionFails() throws IOException {
            ImportFormatException e = failure(text().replace("\"version\":1}", "\"version\":2}"));

            assertThat(e).hasMessage("line 1, column 37: backup version 2 is not supported; "
                    + "this version of Parley reads version 1");
        }

        @Test
        void xmlFileIsNotABackup() throws IOException {
            ImportFormatException e = failure("<?xml version=\"1.0\"?>\n<rss/>\n");

            assertThat(e.line()).isEqualTo(1);
            assertThat(e.getMessage()).startsWith("line 1, column 1: not valid JSON: Unexpected character ('<'");
        }

        @Test
        void emptyFileIsNotABackup() throws IOException {
            assertThat(failure("")).hasMessage("line 1, column 1: the file is empty: not a Parley backup");
        }

        @Test
        void invalidCommentFailsAtItsLineAndNothingIsWritten() throws IOException {
            String broken = text().replace("\"id\":\"c2\",\"thread\":\"/t\",\"parentId\":null,\"rootId\":\"c2\","
                    + "\"depth\":0", "\"id\":\"c2\",\"thread\":\"/t\",\"parentId\":null,\"rootId\":\"c2\",\"depth\":1");

            ImportFormatException e = failure(broken);

            assertThat(e).hasMessage("line 3, column 1: not a comment Parley can store: "
                    + "depth of a root comment must be 0, was 1");
        }

        private int column(String text, int line, String found) {
            return text.split("\n")[line - 1].indexOf(found) + 1;
        }

        @Test
        void badValueNamesItsKeyAndColumn() throws IOException {
            String broken = text().replace("\"status\":\"APPROVED\"", "\"status\":\"LIVE\"");

            ImportFormatException e = failure(broken);

            assertThat(e).hasMessage("line 2, column " + column(broken, 2, "\"LIVE\"") + ": \"status\" is not valid: "
                    + "No enum constant dev.parley.storage.Status.LIVE");
        }

        @Test
        void keysOutOfOrderFail() throws IOException {
            String broken = text().replace("\"kind\":\"COMMENT\",\"status\":\"APPROVED\"",
                    "\"status\":\"APPROVED\",\"kind\":\"COMMENT\"");

            ImportFormatException e = failure(broken);

            assertThat(e).hasMessage("line 2, column " + column(broken, 2, "\"status\"")
                    + ": expected the key \"kind\", found the key \"status\"");
        }

        @Test
        void recordSpreadOverTwoLinesFails() throws IOException {
            ImportFormatException e = failure(text().replace(",\"rootId\":\"c2\"", ",\n\"rootId\":\"c2\""));

            assertThat(e).hasMessage("line 5, column 1: each record must be one line of its own: "
                    + "expected line 4 to start one");
        }

        /** A backup of two roots, in threads /a and /b, and {@code broken}, a reply whose tree fields are off. */
        private ImportFormatException brokenTree(Comment.Builder broken) throws IOException {
            InMemoryCommentStore store = new InMemoryCommentStore();
            // The in-memory store takes what the record's own rules allow, as a damaged database would hold it.
            store.insertAll(List.of(root("a1", "/a", 0).build(), root("b1", "/b", 1).build(),
                    broken.author(Author.named("Bob")).createdAt(T0.plusSeconds(120)).build()));
            String text = new String(backup(store), StandardCharsets.UTF_8);
            ImportFormatException e = failure(text);
            assertThat(e.line()).isEqualTo(lineOf(text, "\"id\":\"x\""));
            return e;
        }

        private int lineOf(String text, String found) {
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(found)) {
                    return i + 1;
                }
            }
            throw new AssertionError(found + " is on no line");
        }

        private Comment.Builder brokenReply() {
            return Comment.builder().id(CommentId.of("x")).thread(ThreadKey.of("/a"));
        }

        @Test
        void replyWhoseParentIsNotInTheBackupFails() throws IOException {
            ImportFormatException e = brokenTree(brokenReply().parentId(CommentId.of("ghost"))
                    .rootId(CommentId.of("a1")).depth(1));

            assertThat(e.getMessage()).endsWith(
                    ", column 1: the comment does not fit the backup's trees: its parent is not in the backup");
        }

        @Test
        void replyInAnotherThreadThanItsParentFails() throws IOException {
            ImportFormatException e = brokenTree(brokenReply().parentId(CommentId.of("b1"))
                    .rootId(CommentId.of("b1")).depth(1));

            assertThat(e.getMessage()).endsWith(": its parent is in another thread");
        }

        @Test
        void replyWhoseRootIsNotItsParentsRootFails() throws IOException {
            ImportFormatException e = brokenTree(brokenReply().parentId(CommentId.of("a1"))
                    .rootId(CommentId.of("elsewhere")).depth(1));

            assertThat(e.getMessage()).endsWith(": its root id is not its parent's root id");
        }

        @Test
        void replyWhoseDepthIsNotOneBelowItsParentFails() throws IOException {
            ImportFormatException e = brokenTree(brokenReply().parentId(CommentId.of("a1"))
                    .rootId(CommentId.of("a1")).depth(5));

            assertThat(e.getMessage()).endsWith(": its depth 5 is not its parent's depth 0 plus one");
        }

        @Test
        void chainToTheDeepestLevelWithAReplyAttachedBesideItsDeepestCommentRestores() throws IOException {
            InMemoryCommentStore source = new InMemoryCommentStore();
            Comment above = root("d0", "/deep", 0).build();
            List<Comment> chain = new ArrayList<>(List.of(above));
            for (int depth = 1; depth <= Comment.MAX_DEPTH; depth++) {
                chain.add(reply("d" + depth, chain.get(depth - 1), depth).build());
            }
            Comment deepest = chain.get(Comment.MAX_DEPTH);
            Comment parentOfDeepest = chain.get(Comment.MAX_DEPTH - 1);
            // What the engine stores for an answer to the deepest comment: beside it, answering it.
            chain.add(reply("beside", parentOfDeepest, 100).inReplyToId(deepest.id()).build());
            source.insertAll(chain);
            InMemoryCommentStore target = new InMemoryCommentStore();

            RestoreReport report = restore(file(backup(source)), target);

            assertThat(report.inserted()).isEqualTo(Comment.MAX_DEPTH + 2);
            assertThat(all(target)).containsExactlyInAnyOrderElementsOf(all(source));
        }

        @Test
        void repeatedIdFails() throws IOException {
            ImportFormatException e = failure(text().replace("\"id\":\"c3\",", "\"id\":\"c1\",")
                    .replace("\"rootId\":\"c3\"", "\"rootId\":\"c1\""));

            assertThat(e).hasMessage("line 4, column 1: comment c1 appears twice in the backup");
        }
    }
}
