package dev.parley.migrate;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader hands over, in order: the readers' tests look at it. */
public final class RecordingHandler implements CommentReader.Handler {

    /** Everything handed over, in order: threads, comments and warnings. */
    public final List<Object> events = new ArrayList<>();
    public final List<SourceThread> threads = new ArrayList<>();
    public final List<SourceComment> comments = new ArrayList<>();
    public final List<ImportWarning> warnings = new ArrayList<>();

    /**
     * Reads a source into a new handler.
     *
     * @param reader the reader
     * @param source the source
     * @return what it handed over
     */
    public static RecordingHandler read(CommentReader reader, ImportSource source) {
        RecordingHandler handler = new RecordingHandler();
        reader.read(source, handler);
        return handler;
    }

    @Override
    public void thread(SourceThread thread) {
        threads.add(thread);
        events.add(thread);
    }

    @Override
    public void comment(SourceComment comment) {
        comments.add(comment);
        events.add(comment);
    }

    @Override
    public void warning(ImportWarning warning) {
        warnings.add(warning);
        events.add(warning);
    }

    /**
     * Returns a comment by its source id.
     *
     * @param id the id
     * @return the comment
     * @throws AssertionError if none has that id
     */
    public SourceComment comment(String id) {
        return comments.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no comment " + id + " among " + comments.stream()
                        .map(SourceComment::id).toList()));
    }

    /**
     * Returns the ids of the comments, in order.
     *
     * @return the ids
     */
    public List<String> commentIds() {
        return comments.stream().map(SourceComment::id).toList();
    }
}
