package dev.parley.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {

    @TempDir
    Path dir;

    private final InMemoryCommentStore store = new InMemoryCommentStore();

    private ImportSource file() throws IOException {
        Path path = dir.resolve("source.txt");
        if (!Files.exists(path)) {
            Files.writeString(path, "records are given in code");
        }
        return ImportSource.of(path);
    }

    private ImportReport run(ListReader reader) throws IOException {
        return Importer.builder().store(store).build().run(reader, file());
    }

    /** Every imported comment by its source id. */
    static Map<String, Comment> bySourceId(CommentStore store) {
        Map<String, Comment> all = new LinkedHashMap<>();
        PageRequest request = PageRequest.first(Order.OLDEST_FIRST, PageRequest.MAX_LIMIT);
        while (true) {
            Page page = store.scan(request);
            for (Comment c : page.items()) {
                if (c.provenance() == null) {
                    continue;
                }
                all.put(c.provenance().sourceId() + (all.containsKey(c.provenance().sourceId()) ? "'" : ""), c);
            }
            if (page.next() == null) {
                return all;
            }
            request = request.next(page.next());
        }
    }

    private static List<ImportWarning.Code> codes(ImportReport report) {
        List<ImportWarning.Code> codes = new ArrayList<>();
        report.warnings().forEach(w -> codes.add(w.code()));
        return codes;
    }

    @Nested
    class Trees {

        @Test
        void replyBeforeItsParentStillAttaches() throws IOException {
            ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("7", "https://old.example/?p=7")
                    .comment("3", "7", "2").comment("2", "7", "1").comment("1", "7", null);

            ImportReport report = run(reader);

            Map<String, Comment> c = bySourceId(store);
            assertThat(c.get("1").isRoot()).isTrue();
            assertThat(c.get("2").parentId()).isEqualTo(c.get("1").id());
            assertThat(c.get("3").parentId()).isEqualTo(c.get("2").id());
            assertThat(c.get("3").rootId()).isEqualTo(c.get("1").id());
            assertThat(c.get("3").depth()).isEqualTo(2);
            assertThat(c.values()).allSatisfy(x -> assertThat(x.thread()).isEqualTo(ThreadKey.of("/?p=7")));
            assertThat(report.inserted()).isEqualTo(3);
            assertThat(report.warnings()).isEmpty();
            assertThat(reader.reads).isEqualTo(2);
        }

        @Test
        void orphanSelfParentAndCycleBecomeRootsWithWarningsKeepingTheOriginalParent() throws IOException {
            ListReader reader = new ListReader("disqus", IdScope.SOURCE).thread("t", "https://x.example/a")
                    .comment("1", "t", "404")
                    .comment("2", "t", "2")
                    .comment("3", "t", "4").comment("4", "t", "5").comment("5", "t", "3")
                    .comment("6", "t", "5");

            ImportReport report = run(reader);

            Map<String, Comment> c = bySourceId(store);
            assertThat(c.get("1").isRoot()).isTrue();
            assertThat(c.get("1").provenance().parentId()).isEqualTo("404");
            assertThat(c.get("2").isRoot()).isTrue();
            // The cycle 3 -> 4 -> 5 -> 3 is cut at the comment the walk met twice; the rest stay attached.
            long roots = List.of("3", "4", "5").stream().filter(id -> c.get(id).isRoot()).count();
            assertThat(roots).isEqualTo(1);
            assertThat(c.get("6").rootId()).isEqualTo(c.get("5").rootId());
            assertThat(codes(report)).containsExactlyInAnyOrder(ImportWarning.Code.ORPHAN_PARENT,
                    ImportWarning.Code.SELF_PARENT, ImportWarning.Code.PARENT_CYCLE);
            assertThat(report.warnings()).filteredOn(w -> w.code() == ImportWarning.Code.ORPHAN_PARENT)
                    .singleElement().satisfies(w -> {
                        assertThat(w.commentId()).isEqualTo("1");
                        assertThat(w.threadId()).isEqualTo("t");
                        assertThat(w.message()).contains("404");
                    });
        }

        @Test
        void parentInAnotherThreadBecomesARoot() throws IOException {
            ListReader reader = new ListReader("isso", IdScope.SOURCE)
                    .thread("/a", "/a").thread("/b", "/b")
                    .comment("1", "/a", null).comment("2", "/b", "1");

            ImportReport report = run(reader);

            Map<String, Comment> c = bySourceId(store);
            assertThat(c.get("2").isRoot()).isTrue();
            assertThat(c.get("2").thread()).isEqualTo(ThreadKey.of("/b"));
            assertThat(codes(report)).containsExactly(ImportWarning.Code.CROSS_THREAD_PARENT);
        }

        @Test
        void threadScopedIdsDoNotMeetAcrossThreads() throws IOException {
            ListReader reader = new ListReader("wordpress", IdScope.THREAD)
                    .thread("1", "https://a.example/one/").thread("2", "https://a.example/two/")
                    .comment("10", "1", null).comment("10", "2", null).comment("11", "2", "10");

            run(reader);

            List<Comment> all = new ArrayList<>(store.scan(PageRequest.first(Order.OLDEST_FIRST, 10)).items());
            assertThat(all).hasSize(3);
            Comment reply = all.stream().filter(x -> x.provenance().sourceId().equals("11")).findFirst().get();
            Comment parent = all.stream().filter(x -> x.id().equals(reply.parentId())).findFirst().get();
            assertThat(parent.thread()).isEqualTo(ThreadKey.of("/two/"));
        }

        @Test
        void repliesUnderDeletedAndSpamParentsStayAttached() throws IOException {
            ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/");
            reader.add(reader.comment("1", "1", null, b -> b.status(Status.DELETED)))
                    .add(reader.comment("2", "1", null, b -> b.status(Status.SPAM)))
                    .comment("3", "1", "1").comment("4", "1", "2");

            run(reader);

            Map<String, Comment> c = bySourceId(store);
            assertThat(c.get("3").parentId()).isEqualTo(c.get("1").id());
            assertThat(c.get("4").parentId()).isEqualTo(c.get("2").id());
            assertThat(c.get("1").status()).isEqualTo(Status.DELETED);
            assertThat(c.get("2").status()).isEqualTo(Status.SPAM);
        }

        @Test
        void aChainDeeperThanTheStoredLimitHangsAtTheLimitAndStillAnswersItsParent() throws IOException {
            ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/");
            int length = Comment.MAX_DEPTH + 6;
            for (int i = length; i >= 1; i--) {
                reader.comment(Integer.toString(i), "1", i == 1 ? null : Integer.toString(i - 1));
            }

            ImportReport report = run(reader);

            Map<String, Comment> c = bySourceId(store);
            Comment atLimit = c.get(Integer.toString(Comment.MAX_DEPTH + 1));
            assertThat(atLimit.depth()).isEqualTo(Comment.MAX_DEPTH);
            assertThat(atLimit.parentId()).isEqualTo(c.get(Integer.toString(Comment.MAX_DEPTH)).id());
            Comment deepest = c.get(Integer.toString(length));
            assertThat(deepest.depth()).isEqualTo(Comment.MAX_DEPTH);
            assertThat(deepest.parentId()).isEqualTo(c.get(Integer.toString(Comment.MAX_DEPTH)).id());
            assertThat(deepest.inReplyToId()).isEqualTo(c.get(Integer.toString(length - 1)).id());
            assertThat(deepest.rootId()).isEqualTo(c.get("1").id());
            assertThat(report.count(ImportWarning.Code.DEPTH_CAPPED)).isEqualTo(5);
        }

        @Test
        void aRepeatedIdIsImportedTwiceAndRepliesAttachToTheFirst() throws IOException {
            ListReader reader = new ListReader("disqus", IdScope.SOURCE).thread("t", "https://a.example/p/");
            reader.comment("1", "t", null);
            reader.add(reader.comment("1", "t", null, b -> b.content("second", ContentFormat.PLAIN_TEXT)));
            reader.comment("2", "t", "1");

            ImportReport report = run(reader);

            List<Comment> all = store.scan(PageRequest.first(Order.OLDEST_FIRST, 10)).items();
            assertThat(all).hasSize(3);
            Comment first = all.stream().filter(x -> x.text().equals("Text of 1")).findFirst().get();
            Comment reply = all.stream().filter(x -> x.provenance().sourceId().equals("2")).findFirst().get();
            assertThat(reply.parentId()).isEqualTo(first.id());
            assertThat(codes(report)).containsExactly(ImportWarning.Code.DUPLICATE_ID);
        }

        @Test
        void aThreadTheSourceNeverDescribesIsMappedFromItsIdWithAWarning() throws IOException {
            ListReader reader = new ListReader("disqus", IdScope.SOURCE).comment("1", "9876", null);

            ImportReport report = run(reader);

            assertThat(bySourceId(store).get("1").thread()).isEqualTo(ThreadKey.of("source:9876"));
            assertThat(codes(report)).containsExactly(ImportWarning.Code.THREAD_MISSING);
        }
    }

    @Nested
    class ReImports {

        @Test
        void importingTheSameSourceTwiceChangesNothing() throws IOException {
            ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/")
                    .comment("1", "1", null).comment("2", "1", "1").comment("3", "1", "2");
            run(reader);
            Map<String, Comment> before = bySourceId(store);

            ImportReport again = run(reader);

            assertThat(again.unchanged()).isEqualTo(3);
            assertThat(again.inserted() + again.updated() + again.replaced()).isZero();
            assertThat(bySourceId(store)).isEqualTo(before);
        }

        @Test
        void moderationDoneInParleySurvivesAReImportOfAnUnchangedSource() throws IOException {
            ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/");
            reader.add(reader.comment("1", "1", null, b -> b.status(Status.PENDING)));
            run(reader);
            Comment held = bySourceId(store).get("1");
            store.update(held.toBuilder().status(Status.APPROVED).build());

            run(reader);

            assertThat(bySourceId(store).get("1").status()).isEqualTo(Status.APPROVED);
        }

        @Test
        void aChangedSourceRecordIsUpdatedAndAMovedOneIsRewritten() throws IOException {
            ListReader first = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/")
                    .comment("1", "1", null).comment("2", "1", null).comment("3", "1", null);
            run(first);
            ListReader second = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/");
            second.comment("1", "1", null);
            second.add(second.comment("2", "1", null, b -> b.content("edited at the source",
                    ContentFormat.PLAIN_TEXT)));
            second.comment("3", "1", "1");

            ImportReport report = run(second);

            assertThat(report.unchanged()).isEqualTo(1);
            assertThat(report.updated()).isEqualTo(1);
            assertThat(report.replaced()).isEqualTo(1);
            Map<String, Comment> c = bySourceId(store);
            assertThat(c.get("2").text()).isEqualTo("edited at the source");
            assertThat(c.get("3").parentId()).isEqualTo(c.get("1").id());
            assertThat(c).hasSize(3);
        }

        @Test
        void moderationAndHostDataSurviveAReImportAndASourceEditUnlessTheSourceStatusChanged() throws IOException {
            ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/");
            reader.add(reader.comment("1", "1", null, b -> b.status(Status.PENDING)
                    .provenance(Provenance.builder("wordpress", "1").threadId("1").status("0").build())));
            run(reader);
            Comment held = bySourceId(store).get("1");
            // What the engine does when a moderator approves: status, reason and update time change.
            Comment approved = store.update(held.toBuilder().status(Status.APPROVED)
                    .moderationReason("approved by a moderator").attributes(Map.of("host", "kept"))
                    .updatedAt(held.updatedAt().plusSeconds(3600)).build());

            ImportReport again = run(reader);

            assertThat(again.unchanged()).isEqualTo(1);
            assertThat(bySourceId(store).get("1")).isEqualTo(approved);

            ListReader edited = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/");
            edited.add(edited.comment("1", "1", null, b -> b.status(Status.PENDING)
                    .content("edited at the source", ContentFormat.PLAIN_TEXT)
                    .provenance(Provenance.builder("wordpress", "1").threadId("1").status("0").build())));
            assertThat(run(edited).updated()).isEqualTo(1);
            Comment afterEdit = bySourceId(store).get("1");
            assertThat(afterEdit.text()).isEqualTo("edited at the source");
            assertThat(afterEdit.status()).isEqualTo(Status.APPROVED);
            assertThat(afterEdit.moderationReason()).isEqualTo("approved by a moderator");
            assertThat(afterEdit.attributes()).containsEntry("host", "kept");

            ListReader spammed = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/");
            spammed.add(spammed.comment("1", "1", null, b -> b.status(Status.SPAM)
                    .content("edited at the source", ContentFormat.PLAIN_TEXT)
                    .provenance(Provenance.builder("wordpress", "1").threadId("1").status("spam").build())));
            run(spammed);
            assertThat(bySourceId(store).get("1").status()).isEqualTo(Status.SPAM);
        }

        @Test
        void aPingbackStoredAsACommentBecauseTheSiteHeldThatPagesLinkbackStaysOneOnReImport() throws IOException {
            Comment own = Comment.builder().id(dev.parley.storage.CommentId.of("own")).thread(ThreadKey.of("/p/"))
                    .asRoot().kind(Kind.PINGBACK).linkback(new Linkback("https://other.example/post", "Own"))
                    .author(Author.named("Own")).createdAt(Instant.parse("2021-01-01T00:00:00Z")).build();
            store.insert(own);
            ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/");
            reader.add(reader.comment("1", "1", null, b -> b.kind(Kind.PINGBACK)
                    .author("Linking post", null, "https://other.example/post")
                    .provenance(Provenance.builder("wordpress", "1").threadId("1").type("pingback").build())));

            ImportReport first = run(reader);
            ImportReport second = run(reader);

            assertThat(codes(first)).containsExactly(ImportWarning.Code.LINKBACK_AS_COMMENT);
            assertThat(first.kinds()).containsEntry(Kind.COMMENT, 1L).containsEntry(Kind.PINGBACK, 0L);
            assertThat(second.unchanged()).isEqualTo(1);
            assertThat(second.replaced()).isZero();
            assertThat(bySourceId(store).get("1").kind()).isEqualTo(Kind.COMMENT);
            assertThat(store.find(own.id())).contains(own);
        }

        @Test
        void aDryRunReportsWithoutWriting() throws IOException {
            ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/")
                    .comment("1", "1", null).comment("2", "1", "404");

            ImportReport report = Importer.builder().store(store).dryRun(true).build().run(reader, file());

            assertThat(report.dryRun()).isTrue();
            assertThat(report.inserted()).isEqualTo(2);
            assertThat(codes(report)).containsExactly(ImportWarning.Code.ORPHAN_PARENT);
            assertThat(store.scan(PageRequest.first(Order.OLDEST_FIRST, 10)).items()).isEmpty();
        }

        @Test
        void twoSourcesOfOneSystemGetDistinctIdsUnderDistinctNames() throws IOException {
            ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/")
                    .comment("1", "1", null);
            Importer.builder().store(store).sourceName("blog-a").build().run(reader, file());
            Importer.builder().store(store).sourceName("blog-b").build().run(reader, file());

            assertThat(store.scan(PageRequest.first(Order.OLDEST_FIRST, 10)).items()).hasSize(2);
        }
    }

    @Nested
    class Fields {

        @Test
        void aPingbackKeepsItsSourceAndASecondFromTheSamePageBecomesACommentWithItsRawType() throws IOException {
            ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/");
            for (String id : List.of("1", "2")) {
                reader.add(reader.comment(id, "1", null, b -> b.kind(Kind.PINGBACK)
                        .author("Linking post", null, "https://other.example/post")
                        .provenance(Provenance.builder("wordpress", id).threadId("1").type("pingback").build())));
            }
            reader.add(reader.comment("3", "1", null, b -> b.kind(Kind.TRACKBACK).author("No URL", null, "")
                    .provenance(Provenance.builder("wordpress", "3").threadId("1").type("trackback").build())));

            ImportReport report = run(reader);

            Map<String, Comment> c = bySourceId(store);
            assertThat(c.get("1").kind()).isEqualTo(Kind.PINGBACK);
            assertThat(c.get("1").linkback()).isEqualTo(new Linkback("https://other.example/post", "Linking post"));
            assertThat(c.get("2").kind()).isEqualTo(Kind.COMMENT);
            assertThat(c.get("2").provenance().type()).isEqualTo("pingback");
            assertThat(c.get("3").kind()).isEqualTo(Kind.COMMENT);
            assertThat(codes(report)).containsExactly(ImportWarning.Code.LINKBACK_AS_COMMENT,
                    ImportWarning.Code.LINKBACK_AS_COMMENT);
            assertThat(report.types()).containsEntry("pingback", 2L).containsEntry("trackback", 1L);
            assertThat(report.kinds()).containsEntry(Kind.PINGBACK, 1L).containsEntry(Kind.COMMENT, 2L);
        }

        @Test
        void authorValuesThatDoNotFitAreKeptRaw() throws IOException {
            String longEmail = "a".repeat(300) + "@example.com";
            ListReader reader = new ListReader("disqus", IdScope.SOURCE).thread("t", "https://a.example/p/");
            reader.add(reader.comment("1", "t", null, b -> b.author("  ", longEmail, " https://me.example/ ")));

            ImportReport report = run(reader);

            Comment c = bySourceId(store).get("1");
            assertThat(c.author()).isEqualTo(new Author("Anonymous", null, "https://me.example/", null, null, null));
            assertThat(c.provenance().field("author.name")).isEqualTo("  ");
            assertThat(c.provenance().field("author.email")).isEqualTo(longEmail);
            assertThat(c.provenance().field("author.url")).isEqualTo(" https://me.example/ ");
            assertThat(codes(report)).containsExactly(ImportWarning.Code.FIELD_KEPT_RAW);
        }

        @Test
        void contentOverTheTextLimitIsCutAndKeptWholeInTheProvenance() throws IOException {
            String content = "x".repeat(Comment.MAX_TEXT_LENGTH + 10);
            ListReader reader = new ListReader("disqus", IdScope.SOURCE).thread("t", "https://a.example/p/");
            reader.add(reader.comment("1", "t", null, b -> b.content(content, ContentFormat.HTML)));

            ImportReport report = run(reader);

            Comment c = bySourceId(store).get("1");
            assertThat(c.text()).hasSize(Comment.MAX_TEXT_LENGTH);
            assertThat(c.provenance().field("content")).isEqualTo(content);
            assertThat(codes(report)).containsExactly(ImportWarning.Code.CONTENT_TRUNCATED);
        }

        @Test
        void htmlIsSanitizedByTheEngineRendererAndTheRawTextIsKept() throws IOException {
            ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/");
            String raw = "Hello <script>alert(1)</script><b onclick=\"x()\">bold</b>\nsecond line";
            reader.add(reader.comment("1", "1", null, b -> b.content(raw, ContentFormat.HTML)));
            reader.add(reader.comment("2", "1", null, b -> b.content("*em* and [link](https://a.example/)",
                    ContentFormat.MARKDOWN)));

            run(reader);

            Map<String, Comment> c = bySourceId(store);
            assertThat(c.get("1").text()).isEqualTo(raw);
            assertThat(c.get("1").html()).isEqualTo("<p>Hello <b>bold</b><br>second line</p>");
            assertThat(c.get("2").html())
                    .isEqualTo("<p><em>em</em> and <a href=\"https://a.example/\" rel=\"nofollow ugc\">link</a></p>");
        }

        @Test
        void charactersNoDatabaseStoresAreReplacedAndKeptRaw() throws IOException {
            String raw = "nul \u0000 and a lone \uD800 surrogate";
            ListReader reader = new ListReader("remark42", IdScope.SOURCE).thread("t", "https://a.example/p/");
            reader.add(reader.comment("1", "t", null, b -> b.content(raw, ContentFormat.PLAIN_TEXT)
                    .author("Bad\u0000Name", null, null)));

            ImportReport report = run(reader);

            Comment c = bySourceId(store).get("1");
            assertThat(c.text()).isEqualTo("nul \uFFFD and a lone \uFFFD surrogate");
            assertThat(c.author().name()).isEqualTo("Bad\uFFFDName");
            assertThat(c.provenance().field("content")).isEqualTo(raw);
            assertThat(c.provenance().field("author.name")).isEqualTo("Bad\u0000Name");
            assertThat(codes(report)).containsExactly(ImportWarning.Code.FIELD_KEPT_RAW,
                    ImportWarning.Code.FIELD_KEPT_RAW);
        }

        @Test
        void contentARendererRefusesIsStoredEscapedAndTheImportGoesOn() throws IOException {
            ListReader reader = new ListReader("disqus", IdScope.SOURCE).thread("t", "https://a.example/p/");
            reader.add(reader.comment("1", "t", null, b -> b.content("<b>" + "x".repeat(200) + "</b>",
                    ContentFormat.HTML)));
            reader.comment("2", "t", null);
            Importer importer = Importer.builder().store(store)
                    .renderer(dev.parley.core.content.CommentRenderer.builder().maxInputLength(100).build())
                    .build();

            ImportReport report = importer.run(reader, file());

            assertThat(bySourceId(store).get("1").html()).isEqualTo("&lt;b&gt;" + "x".repeat(200) + "&lt;/b&gt;");
            assertThat(bySourceId(store)).hasSize(2);
            assertThat(codes(report)).containsExactly(ImportWarning.Code.CONTENT_NOT_RENDERED);
        }

        @Test
        void datesAreKeptInUtcAndAnEditTimeBecomesTheUpdateTime() throws IOException {
            ListReader reader = new ListReader("remark42", IdScope.SOURCE).thread("t", "https://a.example/p/");
            reader.add(reader.comment("1", "t", null, b -> b.createdAt(Instant.parse("2019-03-31T01:30:00.123456Z"))
                    .updatedAt(Instant.parse("2019-04-01T00:00:00Z"))));

            run(reader);

            Comment c = bySourceId(store).get("1");
            assertThat(c.createdAt()).isEqualTo(Instant.parse("2019-03-31T01:30:00.123456Z"));
            assertThat(c.updatedAt()).isEqualTo(Instant.parse("2019-04-01T00:00:00Z"));
        }
    }

    @Nested
    class Failures {

        @Test
        void aSourceThatFailsToReadWritesNothing() throws IOException {
            ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/")
                    .comment("1", "1", null);
            reader.failOnFirstRead = new ImportFormatException("unexpected end of file", 12, 3, null);

            assertThatThrownBy(() -> run(reader)).isInstanceOf(ImportFormatException.class)
                    .hasMessage("line 12, column 3: unexpected end of file");
            assertThat(store.scan(PageRequest.first(Order.OLDEST_FIRST, 10)).items()).isEmpty();
        }

        @Test
        void aThreadTheMapperRefusesFailsTheImportBeforeAnythingIsWritten() throws IOException {
            ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/")
                    .comment("1", "1", null);
            Importer importer = Importer.builder().store(store).threadMapper(t -> {
                throw new IllegalArgumentException("unknown post");
            }).build();

            assertThatThrownBy(() -> importer.run(reader, file())).isInstanceOf(MigrateException.class)
                    .hasMessageContaining("thread 1").hasMessageContaining("unknown post")
                    .hasMessageContaining("nothing was written");
            assertThat(store.scan(PageRequest.first(Order.OLDEST_FIRST, 10)).items()).isEmpty();
        }

        @Test
        void threadsWithoutCommentsAreNeverMapped() throws IOException {
            ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/")
                    .thread("2", "https://a.example/attachment/").comment("1", "1", null);
            Importer importer = Importer.builder().store(store).threadMapper(t -> {
                if (t.id().equals("2")) {
                    throw new IllegalArgumentException("not a post");
                }
                return ThreadMapper.byPath().map(t);
            }).build();

            ImportReport report = importer.run(reader, file());

            assertThat(report.threads()).containsOnlyKeys(ThreadKey.of("/p/"));
        }

        @Test
        void builderRefusesBadSettings() {
            assertThatThrownBy(() -> Importer.builder().build()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("store");
            assertThatThrownBy(() -> Importer.builder().batchSize(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Importer.builder().batchSize(1_001))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Importer.builder().maxWarnings(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void progressIsToldForBothPassesAndEndsAtTheWholeFile() throws IOException {
        ListReader reader = new ListReader("wordpress", IdScope.THREAD).thread("1", "https://a.example/p/");
        for (int i = 1; i <= 2_000; i++) {
            reader.comment(Integer.toString(i), "1", null);
        }
        List<ImportProgress> seen = new ArrayList<>();
        ImportSource source = file();

        Importer.builder().store(store).batchSize(7).progress(seen::add).build().run(reader, source);

        assertThat(seen).extracting(ImportProgress::phase).contains(ImportProgress.Phase.CHECKING,
                ImportProgress.Phase.WRITING);
        ImportProgress last = seen.get(seen.size() - 1);
        assertThat(last.phase()).isEqualTo(ImportProgress.Phase.WRITING);
        assertThat(last.items()).isEqualTo(2_001);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(bySourceId(store)).hasSize(2_000);
    }
}
