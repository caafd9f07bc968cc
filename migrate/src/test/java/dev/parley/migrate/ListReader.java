package dev.parley.migrate;

import dev.parley.storage.Provenance;
import java.util.ArrayList;
import java.util.List;

/** A reader that hands over records given in code, the same ones on every read: the importer's test source. */
final class ListReader implements CommentReader {

    private final String system;
    private final IdScope scope;
    private final List<Object> records = new ArrayList<>();
    int reads;
    RuntimeException failOnFirstRead;

    ListReader(String system, IdScope scope) {
        this.system = system;
        this.scope = scope;
    }

    ListReader thread(String id, String link) {
        records.add(new SourceThread(id, link, null, "Title " + id));
        return this;
    }

    ListReader add(SourceComment comment) {
        records.add(comment);
        return this;
    }

    ListReader comment(String id, String threadId, String parentId) {
        return add(comment(id, threadId, parentId, b -> { }));
    }

    SourceComment comment(String id, String threadId, String parentId,
            java.util.function.Consumer<SourceComment.Builder> change) {
        SourceComment.Builder builder = SourceComment.builder(id, threadId)
                .parentId(parentId)
                .author("Author " + id, null, null)
                .content("Text of " + id, ContentFormat.PLAIN_TEXT)
                .createdAt(java.time.Instant.parse("2020-01-01T00:00:00Z").plusSeconds(Long.parseLong(
                        id.replaceAll("\\D", "").isEmpty() ? "0" : id.replaceAll("\\D", ""))))
                .provenance(Provenance.builder(system, id).threadId(threadId).parentId(parentId).build());
        change.accept(builder);
        return builder.build();
    }

    @Override
    public String system() {
        return system;
    }

    @Override
    public IdScope idScope() {
        return scope;
    }

    @Override
    public void read(ImportSource source, Handler handler) {
        reads++;
        if (failOnFirstRead != null) {
            throw failOnFirstRead;
        }
        for (Object record : records) {
            if (record instanceof SourceThread thread) {
                handler.thread(thread);
            } else {
                handler.comment((SourceComment) record);
            }
        }
    }
}
