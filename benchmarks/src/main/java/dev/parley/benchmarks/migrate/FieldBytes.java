package dev.parley.benchmarks.migrate;

import dev.parley.migrate.ImportSource;
import dev.parley.migrate.Importer;
import dev.parley.migrate.WxrGenerator;
import dev.parley.migrate.wxr.WxrReader;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Provenance;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The floor under any store that keeps imported comments on the heap: imports a generated WordPress export into
 * {@link InMemoryCommentStore}, then adds up the UTF-8 bytes of every stored field, with 16 bytes per comment id
 * and 8 per date and no object around any of them, and prints the mean per comment by group. Multiplied by a
 * million it says how much heap a million comments need before any object header, index or collection overhead.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar dev.parley.benchmarks.migrate.FieldBytes
 * [comments]} (default 50,000, over one post per hundred comments).
 */
public final class FieldBytes {

    private static final int ID_BYTES = 16;
    private static final int DATE_BYTES = 8;

    private FieldBytes() {
    }

    /**
     * Runs the measurement and prints the result.
     *
     * @param args optionally the number of comments
     * @throws IOException if the export cannot be written
     */
    public static void main(String[] args) throws IOException {
        long comments = args.length > 0 ? Long.parseLong(args[0]) : 50_000;
        Path file = Files.createTempFile("parley-field-bytes", ".xml");
        try {
            WxrGenerator.builder().comments(comments).posts((int) Math.max(1, comments / 100)).seed(42).build()
                    .write(file);
            InMemoryCommentStore store = new InMemoryCommentStore();
            Importer.builder().store(store).build().run(new WxrReader(), ImportSource.of(file));
            long count = 0;
            long text = 0;
            long html = 0;
            long author = 0;
            long provenance = 0;
            long rest = 0;
            PageRequest request = PageRequest.first(Order.OLDEST_FIRST, PageRequest.MAX_LIMIT);
            while (true) {
                Page page = store.scan(request);
                for (Comment comment : page.items()) {
                    count++;
                    text += bytes(comment.text());
                    html += bytes(comment.html());
                    author += authorBytes(comment.author());
                    provenance += provenanceBytes(comment.provenance());
                    // id, parent, root, in reply to; created, updated, version; the thread's key; the reason
                    rest += 4 * ID_BYTES + 3 * DATE_BYTES + bytes(comment.thread().toString())
                            + bytes(comment.moderationReason());
                }
                if (page.next() == null) {
                    break;
                }
                request = new PageRequest(Order.OLDEST_FIRST, page.next(), PageRequest.MAX_LIMIT);
            }
            double n = count;
            System.out.printf(Locale.ROOT, "%,d comments (%,.0f bytes of WXR each): stored fields %.0f bytes per"
                            + " comment: text %.0f, html %.0f, author %.0f, provenance %.0f, ids, dates and thread"
                            + " %.0f; a million: %,.0f MB%n", count, Files.size(file) / n,
                    (text + html + author + provenance + rest) / n, text / n, html / n, author / n, provenance / n,
                    rest / n, (text + html + author + provenance + rest) / n * 1_000_000 / (1 << 20));
        } finally {
            Files.delete(file);
        }
    }

    private static long authorBytes(Author author) {
        return bytes(author.name()) + bytes(author.email()) + bytes(author.url()) + bytes(author.userId())
                + bytes(author.ip()) + bytes(author.userAgent());
    }

    private static long provenanceBytes(Provenance provenance) {
        if (provenance == null) {
            return 0;
        }
        long sum = bytes(provenance.system()) + bytes(provenance.sourceId()) + bytes(provenance.threadId())
                + bytes(provenance.parentId()) + bytes(provenance.status()) + bytes(provenance.type())
                + bytes(provenance.date());
        for (Provenance.Field field : provenance.fields()) {
            sum += bytes(field.name()) + bytes(field.value());
        }
        for (Provenance.Field field : provenance.metadata()) {
            sum += bytes(field.name()) + bytes(field.value());
        }
        return sum;
    }

    private static long bytes(String value) {
        return value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
    }
}
