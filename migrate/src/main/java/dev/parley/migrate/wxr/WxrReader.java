package dev.parley.migrate.wxr;

import dev.parley.migrate.CommentReader;
import dev.parley.migrate.IdScope;
import dev.parley.migrate.ImportFormatException;
import dev.parley.migrate.ImportSource;
import dev.parley.migrate.internal.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export (WXR 1.0, 1.1 or 1.2, from WordPress, WordPress.com or a third-party writer) and
 * Disqus's WXR-based import format, streaming: it holds one comment at a time, or one item's comments when an
 * item names its thread only after them.
 *
 * <p>Each {@code <item>} with a {@code wp:post_id} is a thread (its id the post id, its identifier the post's
 * slug); in Disqus's format, with {@code dsq:thread_identifier} and no post id, the identifier is the thread's
 * id. An item with comments but neither gets its id from its link, else its guid, else its place
 * ({@code item-3}), with a {@link dev.parley.migrate.ImportWarning.Code#MISSING_ID} warning; an item with
 * neither and no comments is skipped. A thread is handed over after its comments.
 *
 * <p>Each {@code <wp:comment>} is a comment, mapped as the module's README tells, with every raw value kept in
 * its provenance (system {@code wordpress}):
 * <ul>
 *   <li>status from {@code comment_approved}: {@code 1}, {@code approve}, {@code approved} approved;
 *       {@code 0}, {@code hold} pending; {@code spam}; {@code trash}, {@code post-trashed} deleted; anything
 *       else pending, with a warning;</li>
 *   <li>kind from {@code comment_type}: empty or {@code comment} a comment; {@code pingback},
 *       {@code trackback}, {@code webmention}; anything else ({@code note}, a plugin's type) a comment, with a
 *       warning;</li>
 *   <li>creation time from {@code comment_date_gmt}, else {@code comment_date} read as UTC, else the post's
 *       {@code post_date_gmt}, else the epoch, each fallback with a warning; never this machine's zone;</li>
 *   <li>author name with its HTML entities decoded once ({@code Tom &amp; Jerry} as stored is
 *       {@code Tom & Jerry}); content exactly as written, HTML, never decoded;</li>
 *   <li>a comment without {@code comment_id} gets one from its place ({@code item-3-comment-2}), with a
 *       warning; parent ids are passed on raw, for the importer to resolve.</li>
 * </ul>
 *
 * <p>Elements are matched by namespace, not prefix: the six {@code wp} namespaces (http and https, 1.0 to 1.2)
 * are all accepted, and every element is optional. Whitespace laying a value out is trimmed, what a CDATA
 * section holds is kept, and split CDATA sections are joined. A file without {@code wp:wxr_version} is read;
 * one whose root is not {@code <rss>}, that is not well-formed, is truncated, holds bytes not valid in its
 * encoding (a Latin-1 file declared UTF-8), or that declares a DOCTYPE is
 * refused with an {@link ImportFormatException}.
 *
 * <p>Stateless and thread-safe; each call reads the source anew and hands over the same records.
 */
public final class WxrReader implements CommentReader {

    /**
     * Creates a reader.
     */
    public WxrReader() {
    }

    /**
     * Returns a reader; the same as {@code new WxrReader()}.
     *
     * @return a reader
     */
    public static WxrReader create() {
        return new WxrReader();
    }

    /**
     * Returns {@code wordpress}.
     *
     * @return the system name
     */
    @Override
    public String system() {
        return "wordpress";
    }

    /**
     * Returns {@link IdScope#THREAD}: a {@code comment_parent} names a comment of the same post.
     *
     * @return the scope
     */
    @Override
    public IdScope idScope() {
        return IdScope.THREAD;
    }

    /**
     * Returns true: an {@code <item>} holds its comments, and the reader hands the thread over at the item's end,
     * after them.
     *
     * @return true
     */
    @Override
    public boolean threadsComeWhole() {
        return true;
    }

    /**
     * Reads the file, handing over records on the calling thread, in file order.
     *
     * @param source the file, possibly gzip-compressed
     * @param handler what receives the records
     * @throws ImportFormatException if the root is not {@code <rss>}, or the file is not well-formed, truncated,
     *     holds bytes not valid in its encoding or declares a DOCTYPE, with the line and column
     * @throws UncheckedIOException if the file cannot be read
     */
    @Override
    public void read(ImportSource source, Handler handler) {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(handler, "handler must not be null");
        try (InputStream in = source.open()) {
            XMLStreamReader xml = SecureXml.openKeepingCdata(in);
            try {
                readDocument(xml, handler);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            IOException io = SecureXml.readFailure(e);
            if (io != null) {
                throw new UncheckedIOException("cannot read " + source, io);
            }
            throw SecureXml.failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private static void readDocument(XMLStreamReader xml, Handler handler) throws XMLStreamException {
        xml.nextTag();
        if (!xml.getLocalName().equals("rss")) {
            Location at = xml.getLocation();
            String prefix = xml.getPrefix() == null || xml.getPrefix().isEmpty() ? "" : xml.getPrefix() + ":";
            throw new ImportFormatException("not a WordPress export: the root element is <" + prefix
                    + xml.getLocalName() + ">, not <rss>", at.getLineNumber(), at.getColumnNumber(), null);
        }
        String rss = XmlText.namespace(xml);
        int items = 0;
        while (SecureXml.nextChild(xml)) {
            if (!XmlText.namespace(xml).equals(rss)) {
                SecureXml.skip(xml);
            } else if (xml.getLocalName().equals("channel")) {
                while (SecureXml.nextChild(xml)) {
                    if (XmlText.namespace(xml).equals(rss) && xml.getLocalName().equals("item")) {
                        readItem(xml, rss, ++items, handler);
                    } else {
                        SecureXml.skip(xml);
                    }
                }
            } else if (xml.getLocalName().equals("item")) {
                readItem(xml, rss, ++items, handler);
            } else {
                SecureXml.skip(xml);
            }
        }
        // What follows the root must still be well-formed: a comment, a processing instruction, nothing else.
        while (xml.hasNext()) {
            xml.next();
        }
    }

    private static void readItem(XMLStreamReader xml, String rss, int position, Handler handler)
            throws XMLStreamException {
        WxrItem item = new WxrItem(position, handler);
        while (SecureXml.nextChild(xml)) {
            String namespace = XmlText.namespace(xml);
            String name = xml.getLocalName();
            if (namespace.equals(rss)) {
                switch (name) {
                    case "title" -> item.title(XmlText.text(xml));
                    case "link" -> item.link(XmlText.text(xml));
                    case "guid" -> item.guid(XmlText.text(xml));
                    default -> SecureXml.skip(xml);
                }
            } else if (WxrValues.isWp(namespace)) {
                switch (name) {
                    case "post_id" -> item.postId(XmlText.text(xml));
                    case "post_name" -> item.postName(XmlText.text(xml));
                    case "post_date_gmt" -> item.postDateGmt(XmlText.text(xml));
                    case "comment" -> item.comment(WxrComment.read(xml, item.nextCommentPosition()));
                    default -> SecureXml.skip(xml);
                }
            } else if (namespace.equals(WxrValues.DISQUS_NAMESPACE) && name.equals("thread_identifier")) {
                item.threadIdentifier(XmlText.text(xml));
            } else {
                SecureXml.skip(xml);
            }
        }
        item.end();
    }
}
