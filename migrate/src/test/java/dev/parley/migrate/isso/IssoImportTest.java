package dev.parley.migrate.isso;

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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Isso database imported end to end, through the importer, into the reference store. */
class IssoImportTest {

    @TempDir
    Path dir;

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
    void databaseImportsWithItsChainsStatusesAndTimesAndAgainChangesNothing() throws Exception {
        Path database = dir.resolve("comments.db");
        IssoReaderTest.execute(database, IssoReaderTest.ISSO_SCHEMA);
        IssoReaderTest.execute(database, IssoReaderTest.ROWS);
        ImportSource source = ImportSource.of(database);
        Importer importer = Importer.builder().store(store).build();

        ImportReport report = importer.run(new IssoReader(), source);

        assertThat(report.read()).isEqualTo(8);
        assertThat(report.inserted()).isEqualTo(8);
        Map<String, Comment> c = bySourceId();
        assertThat(c.get("2").parentId()).isEqualTo(c.get("1").id());
        assertThat(c.get("3").parentId()).isEqualTo(c.get("2").id());
        assertThat(c.get("3").depth()).isEqualTo(2);
        assertThat(c.get("3").status()).isEqualTo(Status.DELETED);
        assertThat(c.get("2").status()).isEqualTo(Status.PENDING);
        // Its parent is on another page: a root of its own thread, the raw parent kept.
        assertThat(c.get("4").isRoot()).isTrue();
        assertThat(c.get("4").thread()).isEqualTo(ThreadKey.of("/about/"));
        assertThat(c.get("4").provenance().parentId()).isEqualTo("1");
        assertThat(c.get("1").thread()).isEqualTo(ThreadKey.of("/2016/hello/"));
        assertThat(c.get("5").thread()).isEqualTo(ThreadKey.of("source:tid:99"));
        assertThat(c.get("1").createdAt()).isEqualTo(Instant.parse("2016-04-06T09:18:06.291534Z"));
        assertThat(c.get("1").author().email()).isEqualTo("alice@example.org");
        assertThat(c.get("1").author().ip()).isEqualTo("192.168.1.0");
        assertThat(c.get("1").html()).contains("<em>world</em>");
        assertThat(report.count(ImportWarning.Code.CROSS_THREAD_PARENT)).isEqualTo(1);
        assertThat(report.count(ImportWarning.Code.UNKNOWN_STATUS)).isEqualTo(2);
        assertThat(report.count(ImportWarning.Code.THREAD_MISSING)).isEqualTo(1);

        ImportReport again = importer.run(new IssoReader(), source);

        assertThat(again.unchanged()).isEqualTo(8);
        assertThat(bySourceId()).isEqualTo(c);
    }
}
