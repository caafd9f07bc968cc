package dev.parley.migrate.disqus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.migrate.ImportFormatException;
import dev.parley.migrate.ImportReport;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.Importer;
import dev.parley.storage.Comment;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Disqus reader driven by the real importer into the in-memory store. */
class DisqusImportTest {

    private final InMemoryCommentStore store = new InMemoryCommentStore();

    private ImportReport importFixture(String fixture) {
        return Importer.builder().store(store).build().run(new DisqusReader(), Recording.source(fixture));
    }

    private Map<String, Comment> bySourceId() {
        Map<String, Comment> all = new LinkedHashMap<>();
        PageRequest request = PageRequest.first(Order.OLDEST_FIRST, PageRequest.MAX_LIMIT);
        while (true) {
            Page page = store.scan(request);
            page.items().forEach(c -> all.put(c.provenance().sourceId(), c));
            if (page.next() == null) {
                return all;
            }
            request = request.next(page.next());
        }
    }

    @Test
    void repliesWrittenBeforeTheirParentsAndRepliesToDeletedOrSpamPostsStayAttached() {
        ImportReport report = importFixture("order.xml");

        Map<String, Comment> c = bySourceId();
        assertThat(c).containsOnlyKeys("30", "31", "32", "33", "34", "35", "36");
        assertThat(c.get("31").isRoot()).isTrue();
        assertThat(c.get("30").parentId()).isEqualTo(c.get("31").id());
        assertThat(c.get("30").depth()).isEqualTo(1);
        assertThat(c.get("34").parentId()).isEqualTo(c.get("32").id());
        assertThat(c.get("32").status()).isEqualTo(Status.DELETED);
        assertThat(c.get("35").parentId()).isEqualTo(c.get("33").id());
        assertThat(c.get("33").status()).isEqualTo(Status.SPAM);
        assertThat(c.get("30").thread()).isEqualTo(ThreadKey.of("/late-thread/"));
        assertThat(c.get("36").isRoot()).isTrue();
        assertThat(c.get("36").thread()).isEqualTo(ThreadKey.of("source:999"));
        assertThat(c.get("36").provenance().parentId()).isEqualTo("404");
        assertThat(report.inserted()).isEqualTo(7);
        assertThat(report.warnings()).extracting(ImportWarning::code, ImportWarning::threadId,
                        ImportWarning::commentId)
                .containsExactlyInAnyOrder(
                        tuple(ImportWarning.Code.THREAD_MISSING, "999", null),
                        tuple(ImportWarning.Code.ORPHAN_PARENT, "999", "36"));
    }

    @Test
    void importingTheSameExportAgainLeavesEveryCommentUnchanged() {
        importFixture("new-style.xml");

        ImportReport again = importFixture("new-style.xml");

        Map<String, Comment> c = bySourceId();
        assertThat(c.get("4470400001").parentId()).isEqualTo(c.get("4470299817").id());
        assertThat(c.get("4470400001").rootId()).isEqualTo(c.get("4470271580").id());
        assertThat(c.get("4470400001").depth()).isEqualTo(2);
        assertThat(c.get("4470271580").thread()).isEqualTo(ThreadKey.of("/2019/05/hello/"));
        assertThat(again.inserted()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(again.warnings()).isEmpty();
    }

    @Test
    void replyToAPostKnownOnlyByItsOriginalIdAttaches() {
        importFixture("missing-ids.xml");

        Map<String, Comment> c = bySourceId();
        assertThat(c.get("70").parentId()).isEqualTo(c.get("6361230419093946112").id());
        assertThat(c.get("71").thread()).isEqualTo(ThreadKey.of("source:unknown"));
    }

    @Test
    void truncatedExportWritesNothing() {
        assertThatThrownBy(() -> importFixture("truncated.xml")).isInstanceOf(ImportFormatException.class);

        assertThat(bySourceId()).isEmpty();
    }
}
