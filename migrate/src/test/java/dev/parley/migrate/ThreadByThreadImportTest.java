package dev.parley.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.migrate.wxr.WxrReader;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A WordPress export imported thread by thread in one reading, the default for it, against two passes. */
class ThreadByThreadImportTest {

    @TempDir
    Path dir;

    private final InMemoryCommentStore store = new InMemoryCommentStore();

    private static String comment(String id, String parent) {
        return "<wp:comment>\n<wp:comment_id>" + id + "</wp:comment_id>\n"
                + "<wp:comment_author><![CDATA[Ann]]></wp:comment_author>\n"
                + "<wp:comment_date_gmt>2019-01-01 10:00:0" + id.length() + "</wp:comment_date_gmt>\n"
                + "<wp:comment_content><![CDATA[Comment " + id + "]]></wp:comment_content>\n"
                + "<wp:comment_approved>1</wp:comment_approved>\n"
                + "<wp:comment_parent>" + parent + "</wp:comment_parent>\n</wp:comment>\n";
    }

    private static String item(String postId, String... comments) {
        return "<item>\n<link>https://blog.example/p/" + postId + "/</link>\n<wp:post_id>" + postId
                + "</wp:post_id>\n" + String.join("", comments) + "</item>\n";
    }

    private static String wxr(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                + " xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n" + String.join("", items)
                + "</channel>\n</rss>\n";
    }

    private ImportSource write(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return ImportSource.of(path);
    }

    private static Importer.Builder importer(CommentStore store) {
        return Importer.builder().store(store);
    }

    /**
     * Checks that a two-pass import of the source into an empty store gives the report and the comments the
     * one-reading import gave into {@link #store}, and that both agree on a dry run; returns that store.
     */
    private InMemoryCommentStore assertSameAsTwoPasses(ImportReport report, ImportSource source) throws IOException {
        InMemoryCommentStore twoPassStore = new InMemoryCommentStore();
        assertThat(report).isEqualTo(importer(twoPassStore).twoPasses(true).build().run(new WxrReader(), source));
        assertThat(ImporterTest.bySourceId(store)).isEqualTo(ImporterTest.bySourceId(twoPassStore));
        assertThat(importer(new InMemoryCommentStore()).dryRun(true).build().run(new WxrReader(), source))
                .isEqualTo(importer(new InMemoryCommentStore()).twoPasses(true).dryRun(true).build()
                        .run(new WxrReader(), source));
        return twoPassStore;
    }

    /** Every stored comment by its source thread and id, with its place in the tree by source ids. */
    private static Map<String, String> tree(CommentStore store) {
        Map<String, Comment> byId = new TreeMap<>();
        ImporterTest.bySourceId(store).values().forEach(c -> byId.put(c.id().value(), c));
        Map<String, String> tree = new TreeMap<>();
        for (Comment c : byId.values()) {
            String parent = c.parentId() == null ? "-" : byId.get(c.parentId().value()).provenance().sourceId();
            String answers = c.inReplyToId() == null ? "-"
                    : byId.get(c.inReplyToId().value()).provenance().sourceId();
            tree.merge(c.provenance().threadId() + "/" + c.provenance().sourceId(), c.thread().value() + " under "
                    + parent + " answering " + answers + " at " + c.depth(), (a, b) -> a + " | " + b);
        }
        return tree;
    }

    @Test
    void aFileTruncatedInsideTheThirdThreadLeavesExactlyTheFirstTwoWrittenAndSaysWhere() throws IOException {
        String whole = wxr(item("1", comment("11", "0"), comment("12", "11")),
                item("2", comment("21", "0")),
                item("3", comment("31", "0"), comment("32", "31")));
        String truncated = whole.substring(0, whole.indexOf("<wp:comment_id>32"));
        ImportSource source = write("truncated.xml", truncated);

        assertThatThrownBy(() -> importer(store).build().run(new WxrReader(), source))
                .isInstanceOfSatisfying(ImportStoppedException.class, e -> {
                    assertThat(e.line()).isEqualTo(48);
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.getMessage()).startsWith("line 48, column 1: not well-formed XML: ")
                            .endsWith("; the 2 threads before the break were imported whole (3 comments, the"
                                    + " last thread 2) and nothing of thread 3 was; fix the file and run the"
                                    + " import again to complete it");
                    assertThat(e.threadsWritten()).isEqualTo(2);
                    assertThat(e.lastThread()).isEqualTo("2");
                    assertThat(e.report().inserted()).isEqualTo(3);
                    assertThat(e.report().threads()).containsExactly(Map.entry(ThreadKey.of("/p/1/"), 2L),
                            Map.entry(ThreadKey.of("/p/2/"), 1L));
                });
        assertThat(tree(store)).containsOnlyKeys("1/11", "1/12", "2/21");

        ImportReport fixed = importer(store).build().run(new WxrReader(), write("fixed.xml", whole));

        assertThat(fixed.inserted()).isEqualTo(2);
        assertThat(fixed.unchanged()).isEqualTo(3);
        assertThat(tree(store)).containsOnlyKeys("1/11", "1/12", "2/21", "3/31", "3/32");
        ImportReport again = importer(store).build().run(new WxrReader(), write("fixed.xml", whole));
        assertThat(again.inserted()).isZero();
        assertThat(again.unchanged()).isEqualTo(5);
    }

    @Test
    void aFileBrokenAfterAnOrphanMadeTheImportFallBackNamesTheThreadsWrittenBefore() throws IOException {
        String whole = wxr(item("1", comment("11", "0"), comment("12", "11")),
                item("2", comment("21", "0")),
                item("3", comment("31", "0"), comment("32", "99")),
                item("4", comment("41", "0"), comment("42", "41")));
        String truncated = whole.substring(0, whole.indexOf("<wp:comment_id>42"));
        ImportSource source = write("orphan-then-truncated.xml", truncated);

        assertThatThrownBy(() -> importer(store).build().run(new WxrReader(), source))
                .isInstanceOfSatisfying(ImportStoppedException.class, e -> {
                    assertThat(e.line()).isEqualTo(truncated.split("\n", -1).length);
                    assertThat(e.getMessage()).endsWith("; the 2 threads before the break were imported whole"
                            + " (3 comments, the last thread 2) and nothing of thread 3 was; fix the file and run"
                            + " the import again to complete it");
                    assertThat(e.threadsWritten()).isEqualTo(2);
                    assertThat(e.lastThread()).isEqualTo("2");
                    assertThat(e.report().inserted()).isEqualTo(3);
                });
        assertThat(tree(store)).containsOnlyKeys("1/11", "1/12", "2/21");

        ImportReport fixed = importer(store).build().run(new WxrReader(), write("fixed.xml", whole));

        assertThat(fixed.inserted()).isEqualTo(4);
        assertThat(fixed.unchanged()).isEqualTo(3);
        assertThat(fixed.warnings()).extracting(ImportWarning::code, ImportWarning::commentId)
                .containsExactly(tuple(ImportWarning.Code.ORPHAN_PARENT, "32"));
    }

    @Test
    void aFileBrokenInItsFirstThreadWritesNothing() throws IOException {
        String whole = wxr(item("1", comment("11", "0"), comment("12", "11")));
        ImportSource source = write("broken.xml", whole.replace("</wp:comment_parent>\n</wp:comment>\n</item>",
                "</wp:comment_parent>\n</wp:comment>\n</channel>"));

        assertThatThrownBy(() -> importer(store).build().run(new WxrReader(), source))
                .isInstanceOfSatisfying(ImportStoppedException.class, e -> {
                    assertThat(e.line()).isEqualTo(23);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.getMessage()).startsWith("line 23, column 3: not well-formed XML: ")
                            .endsWith("; nothing was written, the break is in thread 1");
                    assertThat(e.threadsWritten()).isZero();
                    assertThat(e.report().read()).isZero();
                });
        assertThat(ImporterTest.bySourceId(store)).isEmpty();
    }

    @Test
    void repliesBeforeParentsOrphansSelfParentsAndCyclesAreResolvedWithinTheThread() throws IOException {
        ImportSource source = write("tree.xml", wxr(item("1", comment("13", "12"), comment("12", "11"),
                comment("11", "0"), comment("14", "99"), comment("15", "15"), comment("16", "17"),
                comment("17", "16")), item("2", comment("21", "11"))));

        ImportReport report = importer(store).build().run(new WxrReader(), source);

        assertThat(tree(store)).containsExactly(
                Map.entry("1/11", "/p/1/ under - answering - at 0"),
                Map.entry("1/12", "/p/1/ under 11 answering 11 at 1"),
                Map.entry("1/13", "/p/1/ under 12 answering 12 at 2"),
                Map.entry("1/14", "/p/1/ under - answering - at 0"),
                Map.entry("1/15", "/p/1/ under - answering - at 0"),
                Map.entry("1/16", "/p/1/ under 17 answering 17 at 1"),
                Map.entry("1/17", "/p/1/ under - answering - at 0"),
                Map.entry("2/21", "/p/2/ under - answering - at 0"));
        assertThat(report.warnings()).extracting(ImportWarning::code, ImportWarning::commentId).containsExactly(
                tuple(ImportWarning.Code.ORPHAN_PARENT, "14"),
                tuple(ImportWarning.Code.SELF_PARENT, "15"),
                tuple(ImportWarning.Code.PARENT_CYCLE, "17"),
                tuple(ImportWarning.Code.ORPHAN_PARENT, "21"));
        assertThat(report).isEqualTo(importer(new InMemoryCommentStore()).twoPasses(true).build()
                .run(new WxrReader(), source));
    }

    @Test
    void aChainDeeperThanTheLimitIsCappedAsInTwoPasses() throws IOException {
        List<String> chain = new ArrayList<>();
        for (int i = 70; i >= 1; i--) {
            chain.add(comment(Integer.toString(100 + i), i == 1 ? "0" : Integer.toString(100 + i - 1)));
        }
        ImportSource source = write("deep.xml", wxr(item("1", chain.toArray(String[]::new))));
        InMemoryCommentStore twoPassStore = new InMemoryCommentStore();

        ImportReport report = importer(store).build().run(new WxrReader(), source);

        assertThat(report.count(ImportWarning.Code.DEPTH_CAPPED)).isEqualTo(70 - 1 - Comment.MAX_DEPTH);
        assertThat(report).isEqualTo(importer(twoPassStore).twoPasses(true).build().run(new WxrReader(), source));
        assertThat(tree(store)).isEqualTo(tree(twoPassStore));
    }

    @Test
    void aThreadOverTheBoundFallsBackToTwoPassesAndCountsWhatWasWrittenBefore() throws IOException {
        ImportSource source = write("big.xml", wxr(item("1", comment("11", "0"), comment("12", "11")),
                item("2", comment("21", "0")),
                item("3", comment("33", "31"), comment("31", "0"), comment("32", "31")),
                item("4", comment("41", "0"))));
        InMemoryCommentStore twoPassStore = new InMemoryCommentStore();

        ImportReport report = importer(store).maxThreadComments(2).batchSize(1).build()
                .run(new WxrReader(), source);

        ImportReport twoPasses = importer(twoPassStore).twoPasses(true).build().run(new WxrReader(), source);
        assertThat(report).isEqualTo(twoPasses);
        assertThat(report.inserted()).isEqualTo(7);
        assertThat(report.unchanged()).isZero();
        assertThat(tree(store)).isEqualTo(tree(twoPassStore));
        ImportReport dry = importer(new InMemoryCommentStore()).maxThreadComments(2).dryRun(true).build()
                .run(new WxrReader(), source);
        assertThat(dry.inserted()).isEqualTo(7);
        assertThat(dry.read()).isEqualTo(7);
    }

    @Test
    void aPostSplitOverTwoItemsContinuesItsThread() throws IOException {
        ImportSource source = write("split.xml", wxr(item("1", comment("11", "0"), comment("12", "0")),
                item("2", comment("21", "0")), item("1", comment("13", "11"), comment("12", "11"))));

        ImportReport report = importer(store).build().run(new WxrReader(), source);

        assertThat(tree(store)).containsExactly(
                Map.entry("1/11", "/p/1/ under - answering - at 0"),
                Map.entry("1/12", "/p/1/ under 11 answering 11 at 1 | /p/1/ under - answering - at 0"),
                Map.entry("1/13", "/p/1/ under 11 answering 11 at 1"),
                Map.entry("2/21", "/p/2/ under - answering - at 0"));
        assertThat(report.count(ImportWarning.Code.DUPLICATE_ID)).isEqualTo(1);
        assertThat(report).isEqualTo(importer(new InMemoryCommentStore()).twoPasses(true).build()
                .run(new WxrReader(), source));
    }

    @Test
    void aReplyInTheFirstItemOfASplitPostAttachesToItsParentInTheSecondAsInTwoPasses() throws IOException {
        ImportSource source = write("split-reply.xml", wxr(item("2", comment("21", "0")),
                item("1", comment("11", "0"), comment("14", "15"), comment("16", "14")),
                item("3", comment("31", "0"), comment("32", "31")),
                item("1", comment("15", "11"), comment("17", "99")),
                item("4", comment("41", "0"))));

        ImportReport report = importer(store).batchSize(1).build().run(new WxrReader(), source);

        assertThat(tree(store)).containsExactly(
                Map.entry("1/11", "/p/1/ under - answering - at 0"),
                Map.entry("1/14", "/p/1/ under 15 answering 15 at 2"),
                Map.entry("1/15", "/p/1/ under 11 answering 11 at 1"),
                Map.entry("1/16", "/p/1/ under 14 answering 14 at 3"),
                Map.entry("1/17", "/p/1/ under - answering - at 0"),
                Map.entry("2/21", "/p/2/ under - answering - at 0"),
                Map.entry("3/31", "/p/3/ under - answering - at 0"),
                Map.entry("3/32", "/p/3/ under 31 answering 31 at 1"),
                Map.entry("4/41", "/p/4/ under - answering - at 0"));
        assertThat(report.warnings()).extracting(ImportWarning::code, ImportWarning::commentId)
                .containsExactly(tuple(ImportWarning.Code.ORPHAN_PARENT, "17"));
        assertThat(report.inserted()).isEqualTo(9);
        assertThat(report.unchanged()).isZero();
        InMemoryCommentStore twoPassStore = assertSameAsTwoPasses(report, source);

        ImportReport again = importer(store).batchSize(1).build().run(new WxrReader(), source);

        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.replaced()).isZero();
        assertThat(again.unchanged()).isEqualTo(9);
        assertThat(again.warnings()).isEqualTo(report.warnings());
        assertThat(ImporterTest.bySourceId(store)).isEqualTo(ImporterTest.bySourceId(twoPassStore));
    }

    @Test
    void aSplitPostWhoseRepliesAllFindTheirParentsMatchesTwoPassesAndReimportsUnchanged() throws IOException {
        ImportSource source = write("split-whole.xml", wxr(item("1", comment("11", "0"), comment("12", "11")),
                item("2", comment("21", "0")), item("1", comment("14", "12"), comment("13", "14"))));

        ImportReport report = importer(store).build().run(new WxrReader(), source);

        assertThat(tree(store)).containsExactly(
                Map.entry("1/11", "/p/1/ under - answering - at 0"),
                Map.entry("1/12", "/p/1/ under 11 answering 11 at 1"),
                Map.entry("1/13", "/p/1/ under 14 answering 14 at 3"),
                Map.entry("1/14", "/p/1/ under 12 answering 12 at 2"),
                Map.entry("2/21", "/p/2/ under - answering - at 0"));
        assertThat(report.warningTotal()).isZero();
        InMemoryCommentStore twoPassStore = assertSameAsTwoPasses(report, source);

        ImportReport again = importer(store).build().run(new WxrReader(), source);

        assertThat(again.inserted()).isZero();
        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(ImporterTest.bySourceId(store)).isEqualTo(ImporterTest.bySourceId(twoPassStore));
    }

    static Stream<String> fixtures() {
        return Stream.of("thread-identity.xml", "date-fallbacks.xml", "split-cdata.xml",
                "wxr-1.0-bare-fields.xml", "wordpress-com-https-1.2-layout.xml", "utf8-challenges.xml",
                "reply-order.xml", "every-type.xml", "namespace-by-uri.xml", "every-status.xml",
                "escaped-authors-and-linkbacks.xml", "commentmeta.xml", "disqus-import-format.xml",
                "bom-crlf-latin1.xml");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void eachHandWrittenFileGivesTheSameReportAndCommentsAsTwoPasses(String name)
            throws IOException {
        Path path = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("wxr/" + name)) {
            Files.copy(in, path);
        }
        ImportSource source = ImportSource.of(path);

        ImportReport report = importer(store).build().run(new WxrReader(), source);

        assertSameAsTwoPasses(report, source);
        ImportReport again = importer(store).build().run(new WxrReader(), source);
        assertThat(again.inserted()).isZero();
        assertThat(again.unchanged()).isEqualTo(report.read());
    }
}
