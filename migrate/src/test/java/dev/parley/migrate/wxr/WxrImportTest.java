package dev.parley.migrate.wxr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.migrate.ImportReport;
import dev.parley.migrate.ImportSource;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.Importer;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WXR files imported end to end into a store by the {@link Importer}. */
class WxrImportTest {

    private final InMemoryCommentStore store = new InMemoryCommentStore();

    private ImportReport importFixture(String fixture) {
        return Importer.builder().store(store).build()
                .run(new WxrReader(), ImportSource.of(Recorder.fixture(fixture)));
    }

    @Test
    void replyBeforeItsParentAttachesAndParentsAreLookedUpInTheSamePostOnly() {
        ImportReport report = importFixture("reply-order.xml");

        Map<String, Comment> c = bySourceId(store);
        assertThat(c.keySet()).containsExactlyInAnyOrder("11", "12", "13", "14", "15", "16");
        assertThat(c.get("11").isRoot()).isTrue();
        assertThat(c.get("12").parentId()).isEqualTo(c.get("11").id());
        assertThat(c.get("14").parentId()).isEqualTo(c.get("11").id());
        assertThat(c.get("15").isRoot()).isTrue();
        // 13 names a comment the export left out; 16 names comment 11 of another post.
        assertThat(c.get("13").isRoot()).isTrue();
        assertThat(c.get("13").provenance().parentId()).isEqualTo("99");
        assertThat(c.get("16").isRoot()).isTrue();
        assertThat(c.get("16").provenance().parentId()).isEqualTo("11");
        assertThat(c.get("16").thread()).isEqualTo(ThreadKey.of("source:61"));
        assertThat(c.get("12").thread()).isEqualTo(ThreadKey.of("source:60"));
        assertThat(report.inserted()).isEqualTo(6);
        assertThat(report.warnings()).extracting(ImportWarning::code, ImportWarning::commentId)
                .containsExactlyInAnyOrder(
                        tuple(ImportWarning.Code.ORPHAN_PARENT, "13"),
                        tuple(ImportWarning.Code.ORPHAN_PARENT, "16"));
    }

    @Test
    void disqusImportFormatLandsOnThePathOfItsLinkWithItsReplyAttached() {
        ImportReport report = importFixture("disqus-import-format.xml");

        Map<String, Comment> c = bySourceId(store);
        assertThat(c.get("65").thread()).isEqualTo(ThreadKey.of("/example?page=2"));
        assertThat(c.get("66").parentId()).isEqualTo(c.get("65").id());
        assertThat(c.get("66").status()).isEqualTo(Status.PENDING);
        assertThat(c.get("66").createdAt()).isEqualTo(Instant.parse("2010-09-20T09:13:44Z"));
        assertThat(c.get("65").author().name()).isEqualTo("Foo Bar");
        assertThat(report.count(ImportWarning.Code.DATE_FALLBACK)).isEqualTo(1);
    }

    @Test
    void importingTheSameExportAgainLeavesEveryCommentUnchanged() {
        importFixture("wordpress-com-https-1.2-layout.xml");

        ImportReport again = importFixture("wordpress-com-https-1.2-layout.xml");

        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.inserted()).isZero();
        Map<String, Comment> c = bySourceId(store);
        assertThat(c.get("882").parentId()).isEqualTo(c.get("881").id());
        assertThat(c.get("881").thread()).isEqualTo(ThreadKey.of("/2012/01/03/template-comments/"));
        assertThat(c.get("881").author().name()).isEqualTo("John Γιανναράς");
    }

    private static Map<String, Comment> bySourceId(CommentStore store) {
        Map<String, Comment> all = new LinkedHashMap<>();
        PageRequest request = PageRequest.first(Order.OLDEST_FIRST, PageRequest.MAX_LIMIT);
        while (true) {
            Page page = store.scan(request);
            page.items().forEach(comment -> all.put(comment.provenance().sourceId(), comment));
            if (page.next() == null) {
                return all;
            }
            request = request.next(page.next());
        }
    }
}
