package dev.parley.migrate.wxr;

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

/** Collects what a reader hands over, in order, for the tests. */
final class Recorder implements CommentReader.Handler {

    /** Every record as handed over: a thread, a comment or a warning. */
    final List<Object> records = new ArrayList<>();

    static Path fixture(String name) {
        URL url = Recorder.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Recorder read(String fixture) {
        return read(fixture(fixture));
    }

    static Recorder read(Path file) {
        Recorder recorder = new Recorder();
        new WxrReader().read(ImportSource.of(file), recorder);
        return recorder;
    }

    @Override
    public void thread(SourceThread thread) {
        records.add(thread);
    }

    @Override
    public void comment(SourceComment comment) {
        records.add(comment);
    }

    @Override
    public void warning(ImportWarning warning) {
        records.add(warning);
    }

    List<SourceComment> comments() {
        return records.stream().filter(SourceComment.class::isInstance).map(SourceComment.class::cast).toList();
    }

    List<SourceThread> threads() {
        return records.stream().filter(SourceThread.class::isInstance).map(SourceThread.class::cast).toList();
    }

    /** The warnings handed over on their own, not those riding on comments. */
    List<ImportWarning> warnings() {
        return records.stream().filter(ImportWarning.class::isInstance).map(ImportWarning.class::cast).toList();
    }

    /** The one comment with this source id. */
    SourceComment comment(String id) {
        List<SourceComment> found = comments().stream().filter(c -> c.id().equals(id)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " comments with id " + id + " in " + comments());
        }
        return found.get(0);
    }

    List<String> commentIds() {
        return comments().stream().map(SourceComment::id).toList();
    }
}
