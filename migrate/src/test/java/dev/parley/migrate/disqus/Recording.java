package dev.parley.migrate.disqus;

import dev.parley.migrate.CommentReader;
import dev.parley.migrate.ImportSource;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/** Everything a reader handed over, in order. */
final class Recording implements CommentReader.Handler {

    /** Threads, comments and reader-level warnings, in the order received. */
    final List<Object> events = new ArrayList<>();

    static Recording read(String fixture) {
        return read(source(fixture));
    }

    static Recording read(ImportSource source) {
        Recording recording = new Recording();
        new DisqusReader().read(source, recording);
        return recording;
    }

    static ImportSource source(String fixture) {
        return ImportSource.of(path(fixture));
    }

    static Path path(String fixture) {
        URL url = Objects.requireNonNull(Recording.class.getResource(fixture), fixture);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void thread(SourceThread thread) {
        events.add(thread);
    }

    @Override
    public void comment(SourceComment comment) {
        events.add(comment);
    }

    @Override
    public void warning(ImportWarning warning) {
        events.add(warning);
    }

    List<SourceThread> threads() {
        return of(SourceThread.class);
    }

    List<SourceComment> comments() {
        return of(SourceComment.class);
    }

    List<ImportWarning> warnings() {
        return of(ImportWarning.class);
    }

    SourceComment comment(String id) {
        return comments().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no comment " + id));
    }

    /** The events as short labels, to check their order: {@code thread 20}, {@code comment 31}. */
    List<String> order() {
        List<String> labels = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof SourceThread thread) {
                labels.add("thread " + thread.id());
            } else if (event instanceof SourceComment comment) {
                labels.add("comment " + comment.id());
            } else {
                labels.add("warning " + ((ImportWarning) event).code());
            }
        }
        return labels;
    }

    private <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
