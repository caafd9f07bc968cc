package dev.parley.migrate.wxr;

import dev.parley.migrate.ContentFormat;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.internal.SecureXml;
import dev.parley.storage.Kind;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * One {@code <wp:comment>} as read, raw, and its mapping to a {@link SourceComment} once its thread is known.
 *
 * <p>Every child is optional; a child written twice counts once, the first time (as WordPress's own importer
 * reads it), and each later occurrence stays in the provenance's fields under its local name (a repeated
 * {@code wp:meta_key} or {@code wp:meta_value} inside one {@code wp:commentmeta} too). Markup written inside
 * {@code comment_content} or a meta value without CDATA is kept as markup, not flattened to its text. Raw
 * values follow the convention table in the module's README, which the WXR writer reads back.
 *
 * <p>Not thread-safe: one read, one thread.
 */
final class WxrComment {

    private static final String SYSTEM = "wordpress";

    private final int position;
    private @Nullable String id;
    private @Nullable String parent;
    private @Nullable String approved;
    private @Nullable String type;
    private @Nullable String date;
    private @Nullable String dateGmt;
    private @Nullable String author;
    private @Nullable String email;
    private @Nullable String url;
    private @Nullable String ip;
    private @Nullable String agent;
    private @Nullable String content;
    private final List<Entry> fields = new ArrayList<>();
    private final List<Entry> metadata = new ArrayList<>();
    private int metadataWithoutKey;
    /** The two dates read as UTC, once: both the hand-over and the mapping ask. */
    private boolean datesRead;
    private @Nullable Instant gmt;
    private @Nullable Instant local;

    private WxrComment(int position) {
        this.position = position;
    }

    /**
     * Reads a comment.
     *
     * @param xml a reader on the {@code <wp:comment>} start tag; left on its end tag
     * @param position the comment's place in its item, from 1
     * @return the comment
     */
    static WxrComment read(XMLStreamReader xml, int position) throws XMLStreamException {
        WxrComment comment = new WxrComment(position);
        while (SecureXml.nextChild(xml)) {
            String name = xml.getLocalName();
            if (WxrValues.isWp(XmlText.namespace(xml))) {
                comment.readWp(xml, name);
            } else {
                comment.readField(xml, name);
            }
        }
        return comment;
    }

    private void readWp(XMLStreamReader xml, String name) throws XMLStreamException {
        switch (name) {
            case "comment_id" -> id = first(id, name, XmlText.trim(XmlText.text(xml)));
            case "comment_parent" -> parent = first(parent, name, XmlText.trim(XmlText.text(xml)));
            case "comment_approved" -> approved = first(approved, name, XmlText.trim(XmlText.text(xml)));
            case "comment_type" -> type = first(type, name, XmlText.trim(XmlText.text(xml)));
            case "comment_date" -> date = first(date, name, XmlText.trim(XmlText.text(xml)));
            case "comment_author_email" -> email = first(email, name, XmlText.trim(XmlText.text(xml)));
            case "comment_author_url" -> url = first(url, name, XmlText.trim(XmlText.text(xml)));
            case "comment_author_IP" -> ip = first(ip, name, XmlText.trim(XmlText.text(xml)));
            case "comment_content" -> content = first(content, name, XmlText.markup(xml));
            case "comment_date_gmt" -> {
                String value = XmlText.text(xml);
                dateGmt = first(dateGmt, XmlText.trim(value));
                fields.add(new Entry(name, value));
            }
            case "comment_author" -> {
                String value = XmlText.text(xml);
                author = first(author, value);
                fields.add(new Entry(name, value));
            }
            case "comment_agent" -> {
                String value = XmlText.text(xml);
                agent = first(agent, XmlText.trim(value));
                fields.add(new Entry(name, value));
            }
            case "commentmeta" -> readMeta(xml);
            default -> readField(xml, name);
        }
    }

    /** Keeps a child as a field by its local name; a nested one (Disqus's {@code dsq:remote}) by its path. */
    private void readField(XMLStreamReader xml, String name) throws XMLStreamException {
        boolean[] nested = {false};
        String value = XmlText.text(xml, child -> {
            nested[0] = true;
            readField(child, name + "." + child.getLocalName());
        });
        if (!nested[0] || !value.isEmpty()) {
            fields.add(new Entry(name, value));
        }
    }

    private void readMeta(XMLStreamReader xml) throws XMLStreamException {
        String key = null;
        String value = null;
        while (SecureXml.nextChild(xml)) {
            boolean wp = WxrValues.isWp(XmlText.namespace(xml));
            if (wp && xml.getLocalName().equals("meta_key")) {
                key = first(key, "meta_key", XmlText.trim(XmlText.text(xml)));
            } else if (wp && xml.getLocalName().equals("meta_value")) {
                value = first(value, "meta_value", XmlText.markup(xml));
            } else {
                SecureXml.skip(xml);
            }
        }
        if (key == null || key.isEmpty()) {
            metadataWithoutKey++;
        } else {
            metadata.add(new Entry(key, value == null ? "" : value));
        }
    }

    private static String first(@Nullable String current, String value) {
        return current == null ? value : current;
    }

    /** Takes the first occurrence of a child; a later one is kept as a raw field by its local name. */
    private String first(@Nullable String current, String name, String value) {
        if (current == null) {
            return value;
        }
        fields.add(new Entry(name, value));
        return current;
    }

    /**
     * Tells whether the comment's own dates give its creation time, so it need not wait for its post's.
     *
     * @return true if {@code comment_date_gmt} or {@code comment_date} is a usable date
     */
    boolean hasOwnDate() {
        readDates();
        return gmt != null || local != null;
    }

    private void readDates() {
        if (!datesRead) {
            datesRead = true;
            gmt = WxrValues.utc(dateGmt);
            local = WxrValues.utc(date);
        }
    }

    /**
     * Returns the comment's id, if it has one.
     *
     * @return the trimmed {@code comment_id}, or null if missing or empty
     */
    @Nullable String id() {
        return id == null || id.isEmpty() ? null : id;
    }

    /**
     * Maps the comment.
     *
     * @param threadId its thread's id
     * @param itemPosition its item's place in the file, from 1, for an id made from its position
     * @param postDateGmt the item's trimmed {@code wp:post_date_gmt}, or null
     * @return the comment
     * @throws IllegalArgumentException if an id is longer than a provenance holds
     */
    SourceComment toSourceComment(String threadId, int itemPosition, @Nullable String postDateGmt) {
        String sourceId = id();
        boolean missingId = sourceId == null;
        if (sourceId == null) {
            sourceId = "item-" + itemPosition + "-comment-" + position;
        }
        SourceComment.Builder comment = SourceComment.builder(sourceId, threadId);
        if (missingId) {
            comment.warning(ImportWarning.Code.MISSING_ID, "comment " + position + " of item " + itemPosition
                    + " has no wp:comment_id: imported as " + sourceId + ", from its place in the file");
        }
        String parentId = parent == null || parent.isEmpty() || parent.equals("0") ? null : parent;
        comment.parentId(parentId)
                .status(status(comment))
                .kind(kind(comment))
                .author(author == null ? "" : WxrValues.decodeHtml(author), empty(email), empty(url))
                .client(empty(ip), empty(agent))
                .content(content == null ? "" : content, ContentFormat.HTML)
                .createdAt(createdAt(comment, postDateGmt));
        // A raw value longer than a provenance's raw status, type or date holds is kept whole as a field instead,
        // ahead of the other fields.
        String rawApproved = fitsRaw(approved) ? approved : null;
        String rawType = fitsRaw(type) ? type : null;
        String rawDate = fitsRaw(date) ? date : null;
        List<Entry> moved = new ArrayList<>();
        if (rawApproved == null && approved != null) {
            moved.add(new Entry("comment_approved", approved));
        }
        if (rawType == null && type != null) {
            moved.add(new Entry("comment_type", type));
        }
        if (rawDate == null && date != null) {
            moved.add(new Entry("comment_date", date));
        }
        moved.addAll(fields);
        Provenance.Builder provenance = Provenance.builder(SYSTEM, sourceId)
                .threadId(threadId)
                .parentId(parentId)
                .status(rawApproved)
                .type(rawType)
                .date(rawDate);
        long base = SYSTEM.length() + sourceId.length() + threadId.length() + length(parentId)
                + length(rawApproved) + length(rawType) + length(rawDate);
        fit(provenance, comment, base, moved);
        return comment.provenance(provenance.build()).build();
    }

    private Status status(SourceComment.Builder comment) {
        Status status = approved == null ? null : WxrValues.status(approved);
        if (status != null) {
            return status;
        }
        comment.warning(ImportWarning.Code.UNKNOWN_STATUS, approved == null
                ? "no wp:comment_approved: imported as pending"
                : "wp:comment_approved \"" + approved + "\" is not a known status: imported as pending");
        return Status.PENDING;
    }

    private Kind kind(SourceComment.Builder comment) {
        if (type == null) {
            return Kind.COMMENT;
        }
        Kind kind = WxrValues.kind(type);
        if (kind != null) {
            return kind;
        }
        comment.warning(ImportWarning.Code.UNKNOWN_TYPE,
                "wp:comment_type \"" + type + "\" is not a Parley kind: imported as a comment");
        return Kind.COMMENT;
    }

    /**
     * A local date carries no offset and the site's zone is not in the file, so UTC is the one reading that does
     * not depend on where the import runs; the warning names the date used, off by the site's offset.
     */
    private Instant createdAt(SourceComment.Builder comment, @Nullable String postDateGmt) {
        readDates();
        if (gmt != null) {
            return gmt;
        }
        String why = WxrValues.unusable("wp:comment_date_gmt", dateGmt);
        if (local != null) {
            comment.warning(ImportWarning.Code.DATE_FALLBACK,
                    why + ": used wp:comment_date " + date + ", read as UTC");
            return local;
        }
        why += ", " + WxrValues.unusable("wp:comment_date", date);
        Instant post = WxrValues.utc(postDateGmt);
        if (post != null) {
            comment.warning(ImportWarning.Code.DATE_FALLBACK,
                    why + ": used the post's wp:post_date_gmt " + postDateGmt);
            return post;
        }
        comment.warning(ImportWarning.Code.DATE_FALLBACK, why + ", "
                + WxrValues.unusable("the post's wp:post_date_gmt", postDateGmt) + ": used " + Instant.EPOCH);
        return Instant.EPOCH;
    }

    /**
     * Adds the fields, then the metadata, in source order, leaving out what a provenance cannot hold (past its
     * entry count or total length, a name too long, a meta entry without a key) with one warning.
     */
    private void fit(Provenance.Builder provenance, SourceComment.Builder comment, long base, List<Entry> raw) {
        long total = base;
        int entries = 0;
        List<String> left = new ArrayList<>();
        for (int i = 0; i < raw.size() + metadata.size(); i++) {
            boolean field = i < raw.size();
            Entry entry = field ? raw.get(i) : metadata.get(i - raw.size());
            long size = (long) entry.name().length() + entry.value().length();
            if (entries == Provenance.MAX_ENTRIES || total + size > Provenance.MAX_TOTAL_LENGTH
                    || entry.name().length() > Provenance.Field.MAX_NAME_LENGTH) {
                left.add(entry.name().length() > 40 ? entry.name().substring(0, 40) + "…" : entry.name());
                continue;
            }
            if (field) {
                provenance.field(entry.name(), entry.value());
            } else {
                provenance.metadata(entry.name(), entry.value());
            }
            total += size;
            entries++;
        }
        if (!left.isEmpty() || metadataWithoutKey > 0) {
            StringBuilder message = new StringBuilder();
            if (!left.isEmpty()) {
                message.append(left.size()).append(" raw fields and commentmeta entries do not fit a provenance and")
                        .append(" are left out: ").append(String.join(", ", left.subList(0, Math.min(5, left.size()))))
                        .append(left.size() > 5 ? ", …" : "");
            }
            if (metadataWithoutKey > 0) {
                message.append(message.length() == 0 ? "" : "; ").append(metadataWithoutKey)
                        .append(" wp:commentmeta without a wp:meta_key left out");
            }
            comment.warning(ImportWarning.Code.METADATA_TRUNCATED, message.toString());
        }
    }

    private static boolean fitsRaw(@Nullable String value) {
        return value == null || value.length() <= Provenance.MAX_RAW_LENGTH;
    }

    private static @Nullable String empty(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static long length(@Nullable String value) {
        return value == null ? 0 : value.length();
    }

    /** A raw name and value, checked against a provenance's limits only when it is built. */
    private record Entry(String name, String value) {
    }
}
