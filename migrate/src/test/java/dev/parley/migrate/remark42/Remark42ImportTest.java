package dev.parley.migrate.remark42;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.migrate.ImportReport;
import dev.parley.migrate.ImportSource;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.Importer;
import dev.parley.storage.Comment;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Remark42 backup imported end to end, through the importer, into the reference store. */
class Remark42ImportTest {

    private final InMemoryCommentStore store = new InMemoryCommentStore();

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
    void gzipBackupImportsWithItsTreesStatusesAndRawValuesAndAgainChangesNothing() throws Exception {
        ImportSource source = ImportSource.of(Path.of(getClass().getResource("backup-v1.jsonl.gz").toURI()));
        Importer importer = Importer.builder().store(store).build();

        ImportReport report = importer.run(new Remark42Reader(), source);

        assertThat(report.read()).isEqualTo(7);
        assertThat(report.inserted()).isEqualTo(7);
        Map<String, Comment> c = bySourceId();
        assertThat(c.keySet()).containsExactlyInAnyOrder("c1", "c2", "c3", "c4", "c5", "c6", "c7");
        assertThat(c.get("c2").parentId()).isEqualTo(c.get("c1").id());
        // The reply came before its deleted parent in the file.
        assertThat(c.get("c3").parentId()).isEqualTo(c.get("c4").id());
        assertThat(c.get("c4").status()).isEqualTo(Status.DELETED);
        assertThat(c.get("c6").parentId()).isEqualTo(c.get("c5").id());
        assertThat(c.get("c1").thread()).isEqualTo(ThreadKey.of("/2019/hello/"));
        assertThat(c.get("c3").thread()).isEqualTo(ThreadKey.of("/2019/closed/"));
        assertThat(c.get("c6").thread()).isEqualTo(ThreadKey.of("/2020/new/"));
        assertThat(c.get("c7").thread()).isEqualTo(ThreadKey.of("source:unknown"));
        assertThat(c.get("c1").html()).contains("<em>world</em>");
        assertThat(c.get("c1").author().name()).isEqualTo("Alice");
        assertThat(c.get("c1").author().ip()).isNull();
        assertThat(c.get("c1").provenance().field("user.ip")).isEqualTo("2d1c0f8a6e5b");
        assertThat(c.get("c1").provenance().field("votes")).isEqualTo("{\"github_1\":true,\"google_2\":false}");
        assertThat(c.get("c2").updatedAt()).isEqualTo(java.time.Instant.parse("2019-01-03T10:05:30.500Z"));
        assertThat(report.count(ImportWarning.Code.RECORD_SKIPPED)).isEqualTo(2);
        assertThat(report.count(ImportWarning.Code.DATE_FALLBACK)).isEqualTo(1);
        // One from the reader (the comment has no url), one from the importer (no thread "unknown" was described).
        assertThat(report.count(ImportWarning.Code.THREAD_MISSING)).isEqualTo(2);

        ImportReport again = importer.run(new Remark42Reader(), source);

        assertThat(again.unchanged()).isEqualTo(7);
        assertThat(again.inserted()).isZero();
        assertThat(bySourceId()).isEqualTo(c);
    }
}
