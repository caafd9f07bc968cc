package dev.parley.migrate.disqus;

import dev.parley.migrate.CommentReader;
import dev.parley.migrate.IdScope;
import dev.parley.migrate.ImportFormatException;
import dev.parley.migrate.ImportSource;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;
import dev.parley.migrate.internal.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Reads Disqus's XML export: every top-level {@code <thread>} as a {@link SourceThread}, every {@code <post>}
 * as a {@link SourceComment}, in file order, streaming (one post in memory at a time, whatever the file's
 * size). A gzipped export is read as it is downloaded.
 *
 * <p>Elements are matched by local name, so a file in Disqus's namespace {@code http://disqus.com} and one
 * without it read alike; {@code dsq:id} is the {@code id} attribute in
 * {@code http://disqus.com/disqus-internals}, or failing that in any namespace. A post's {@code <thread>} is a
 * reference to a thread, not a thread. Categories and any other top-level element are passed over.
 *
 * <p>Post ids are unique in the whole export ({@link IdScope#SOURCE}); a post's raw parent id is handed on as
 * written, and the importer resolves it. How each value maps, with its fallbacks
 * and warnings, is in the module's README, section "Disqus, system {@code disqus}".
 *
 * <p>Immutable and thread-safe; one instance can read any number of files, on any threads.
 */
public final class DisqusReader implements CommentReader {

    /** The source system's name in every comment's provenance. */
    static final String SYSTEM = "disqus";

    /**
     * Creates a reader.
     */
    public DisqusReader() {
        // stateless: everything a read needs lives in the call
    }

    /**
     * Returns {@code disqus}.
     *
     * @return the system name
     */
    @Override
    public String system() {
        return SYSTEM;
    }

    /**
     * Returns {@link IdScope#SOURCE}: Disqus post ids are unique in the whole forum.
     *
     * @return the scope
     */
    @Override
    public IdScope idScope() {
        return IdScope.SOURCE;
    }

    /**
     * Reads the whole export, to its last byte: a file cut short throws even after every complete record has
     * been handed over.
     *
     * @param source the export, gzipped or not
     * @param handler what receives the threads, comments and warnings, on the calling thread
     * @throws ImportFormatException if the file is not well-formed XML (with its line and column), holds a
     *     DOCTYPE, or its root element is not {@code <disqus>}
     * @throws UncheckedIOException if the file cannot be read
     */
    @Override
    public void read(ImportSource source, Handler handler) {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(handler, "handler must not be null");
        try (InputStream in = source.open()) {
            XMLStreamReader xml = SecureXml.open(in);
            try {
                readDocument(xml, handler);
            } finally {
                close(xml);
            }
        } catch (XMLStreamException e) {
            throw SecureXml.failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private static void readDocument(XMLStreamReader xml, Handler handler) throws XMLStreamException {
        toRoot(xml);
        int threads = 0;
        int posts = 0;
        while (Stax.nextChild(xml)) {
            switch (xml.getLocalName()) {
                case "thread" -> handler.thread(thread(xml, ++threads, handler));
                case "post" -> post(xml, ++posts, handler);
                default -> Stax.skip(xml);
            }
        }
        while (xml.hasNext()) {
            // Whatever follows the root (comments, whitespace, or a second root, which is an error) is read so
            // that a damaged tail is reported rather than ignored.
            xml.next();
        }
    }

    private static void toRoot(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                // With DTD support off the JDK's parser passes over a DOCTYPE and fails only on an entity it
                // declared; a Disqus export never has one, so any DOCTYPE is refused outright.
                throw at(xml, "a DOCTYPE is not allowed (DTDs and entities are refused)");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!"disqus".equals(xml.getLocalName())) {
                    throw at(xml, "the root element is <" + xml.getLocalName()
                            + ">, not <disqus>: this is not a Disqus export");
                }
                return;
            }
        }
        throw new ImportFormatException("the file holds no element: this is not a Disqus export");
    }

    private static ImportFormatException at(XMLStreamReader xml, String message) {
        Location location = xml.getLocation();
        return new ImportFormatException(message, location.getLineNumber(), location.getColumnNumber(), null);
    }

    private static SourceThread thread(XMLStreamReader xml, int position, Handler handler)
            throws XMLStreamException {
        String dsqId = Stax.dsqId(xml);
        String identifier = null;
        String link = null;
        String title = null;
        boolean identifierSeen = false;
        boolean linkSeen = false;
        boolean titleSeen = false;
        while (Stax.nextChild(xml)) {
            switch (xml.getLocalName()) {
                case "id" -> {
                    String value = Stax.text(xml);
                    if (!identifierSeen) {
                        identifierSeen = true;
                        identifier = Stax.blankToNull(value);
                    }
                }
                case "link" -> {
                    String value = Stax.text(xml);
                    if (!linkSeen) {
                        linkSeen = true;
                        link = Stax.blankToNull(value);
                    }
                }
                case "title" -> {
                    String value = Stax.text(xml);
                    if (!titleSeen) {
                        titleSeen = true;
                        title = title(value);
                    }
                }
                default -> Stax.skip(xml);
            }
        }
        if (dsqId != null) {
            return new SourceThread(dsqId, link, identifier, title);
        }
        String id;
        String message;
        if (identifier != null) {
            id = identifier;
            message = "the thread has no dsq:id: its <id> is used";
        } else if (link != null) {
            id = link;
            message = "the thread has no dsq:id and no <id>: its <link> is used";
        } else {
            id = "thread-" + position;
            message = "the thread has neither a dsq:id, an <id> nor a <link>: imported as \"" + id
                    + "\", from its position among the file's threads";
        }
        handler.warning(new ImportWarning(ImportWarning.Code.MISSING_ID, id, null, message));
        return new SourceThread(id, link, identifier, title);
    }

    /** Decodes a title's HTML entities once: {@code &amp;#8220;} in the XML is {@code &#8220;}, then a quote. */
    private static @Nullable String title(String raw) {
        String stripped = raw.strip();
        return stripped.isEmpty() ? null : Parser.unescapeEntities(stripped, false);
    }

    private static void post(XMLStreamReader xml, int position, Handler handler) throws XMLStreamException {
        RawPost post = RawPost.read(xml);
        SourceComment comment;
        try {
            comment = PostMapping.toComment(post, position);
        } catch (IllegalArgumentException e) {
            // Only an id longer than any provenance may hold gets here; such a record cannot be kept as a comment.
            handler.warning(new ImportWarning(ImportWarning.Code.RECORD_SKIPPED, null, null,
                    "post " + position + " in the file skipped: " + e.getMessage()));
            return;
        }
        handler.comment(comment);
    }

    private static void close(XMLStreamReader xml) {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // The stream underneath is closed right after; a parser that cannot let go of it changes nothing.
        }
    }
}
