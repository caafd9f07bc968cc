package dev.parley.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A comment as stored: a comment or reply written on the page, or a linkback from another site.
 *
 * <p><b>Tree shape.</b> A root comment has no parent, depth 0 and its own id as {@code rootId}. A reply
 * has a parent, the depth of its parent plus one (or the deepest level the engine allows, see
 * {@code inReplyToId}) and the root id of its parent. Root id and depth are fixed at insert, which lets a store
 * read a page of roots and then all their replies in two indexed reads whatever the thread size.
 *
 * <p><b>Content.</b> {@code text} is the input exactly as submitted and is never rendered; {@code html} is
 * the sanitized rendering the engine made from it. Either may be empty (a linkback without an excerpt).
 *
 * <p><b>Time.</b> Timestamps are held to microsecond precision, the finest that common databases store,
 * so a comment read back from any store equals the one written: the constructor truncates finer instants.
 * They must lie between {@link #EARLIEST} and {@link #LATEST}.
 *
 * <p><b>Attributes.</b> A small map of the host's or importer's own data (an original id, imported
 * metadata), stored and returned exactly. Keys are 1 to {@value #MAX_ATTRIBUTE_KEY_LENGTH} characters of
 * {@code [A-Za-z0-9_.:-]}; values are any text up to {@value #MAX_ATTRIBUTE_VALUE_LENGTH} characters; at most
 * {@value #MAX_ATTRIBUTES} entries.
 *
 * <p><b>Provenance.</b> An imported comment keeps its source system, source ids and raw source values in
 * {@link #provenance()}, so that a re-import is idempotent and an export gives the source's fields back.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()} or derive one with {@link #toBuilder()}.
 *
 * @param id the comment's id
 * @param thread the thread it belongs to
 * @param parentId the comment it hangs under, or null for a root
 * @param rootId the root of its subtree: its own id for a root
 * @param depth 0 for a root, else 1 to {@value #MAX_DEPTH}
 * @param inReplyToId the comment it answered, null for a root; it differs from {@code parentId} when a reply
 *     below the engine's maximum depth was attached at the deepest allowed level
 * @param kind comment or linkback kind
 * @param status moderation state
 * @param author who wrote it
 * @param text the raw input as submitted, at most {@value #MAX_TEXT_LENGTH} characters
 * @param html the sanitized html made from it, at most {@value #MAX_HTML_LENGTH} characters
 * @param linkback the linkback source, present exactly when {@code kind} is a linkback kind
 * @param moderationReason why moderation gave it its status ("held: 3 links, limit 2"), or null; at most
 *     {@value #MAX_REASON_LENGTH} characters
 * @param createdAt when it was posted
 * @param updatedAt when its content (text, html, a linkback's details) last changed; not before {@code createdAt}.
 *     The engine leaves it alone on a change of status alone: readers see it as the time of the last edit
 * @param version the optimistic-locking version, 0 or more; see {@link CommentStore#update(Comment)}
 * @param attributes the host's own data, never null
 * @param provenance where an imported comment came from, or null for a comment written here; see
 *     {@link Provenance}
 */
public record Comment(
        CommentId id,
        ThreadKey thread,
        CommentId parentId,
        CommentId rootId,
        int depth,
        CommentId inReplyToId,
        Kind kind,
        Status status,
        Author author,
        String text,
        String html,
        Linkback linkback,
        String moderationReason,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Map<String, String> attributes,
        Provenance provenance) {

    /** The deepest level stored; the engine's own limit is lower. */
    public static final int MAX_DEPTH = 64;
    /** The longest raw text stored. */
    public static final int MAX_TEXT_LENGTH = 65_535;
    /** The longest html stored: room for the escaping and link markup that sanitizing adds to the text. */
    public static final int MAX_HTML_LENGTH = 524_288;
    /** The longest moderation reason stored. */
    public static final int MAX_REASON_LENGTH = 1_000;
    /** The most attributes a comment carries. */
    public static final int MAX_ATTRIBUTES = 32;
    /** The longest attribute key. */
    public static final int MAX_ATTRIBUTE_KEY_LENGTH = 64;
    /** The longest attribute value. */
    public static final int MAX_ATTRIBUTE_VALUE_LENGTH = 4_096;
    /** The earliest timestamp stored: 0001-01-01T00:00:00Z. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest timestamp stored: 9999-12-31T23:59:59.999999Z. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z0-9_.:-]+");

    /**
     * Checks every component and the tree invariants.
     *
     * @throws NullPointerException naming the component, if a required one is null
     * @throws IllegalArgumentException naming the component, if a value is out of range or the tree fields
     *     disagree
     */
    public Comment {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(thread, "thread must not be null");
        Objects.requireNonNull(rootId, "root id must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(author, "author must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(html, "html must not be null");
        Objects.requireNonNull(createdAt, "created at must not be null");
        Objects.requireNonNull(updatedAt, "updated at must not be null");
        Objects.requireNonNull(attributes, "attributes must not be null");

        if (parentId == null) {
            if (depth != 0) {
                throw new IllegalArgumentException("depth of a root comment must be 0, was " + depth);
            }
            if (!rootId.equals(id)) {
                throw new IllegalArgumentException(
                        "root id of a root comment must be its own id " + id + ", was " + rootId);
            }
            if (inReplyToId != null) {
                throw new IllegalArgumentException("in reply to id of a root comment must be null, was " + inReplyToId);
            }
        } else {
            if (depth < 1 || depth > MAX_DEPTH) {
                throw new IllegalArgumentException(
                        "depth of a reply must be between 1 and " + MAX_DEPTH + ", was " + depth);
            }
            if (parentId.equals(id)) {
                throw new IllegalArgumentException("parent id must differ from the comment's own id " + id);
            }
            if (rootId.equals(id)) {
                throw new IllegalArgumentException("root id of a reply must not be its own id " + id);
            }
            if (inReplyToId == null) {
                inReplyToId = parentId;
            } else if (inReplyToId.equals(id)) {
                throw new IllegalArgumentException("in reply to id must differ from the comment's own id " + id);
            }
        }

        if (kind.isLinkback() != (linkback != null)) {
            throw new IllegalArgumentException(kind.isLinkback()
                    ? "linkback must be present for kind " + kind
                    : "linkback must be null for kind " + kind);
        }
        Check.length(text, "text", MAX_TEXT_LENGTH);
        Check.length(html, "html", MAX_HTML_LENGTH);
        Check.optionalText(moderationReason, "moderation reason", MAX_REASON_LENGTH);

        createdAt = micros(createdAt, "created at");
        updatedAt = micros(updatedAt, "updated at");
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException(
                    "updated at (" + updatedAt + ") must not be before created at (" + createdAt + ")");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must be 0 or more, was " + version);
        }
        attributes = checkAttributes(attributes);
    }

    private static Instant micros(Instant instant, String field) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException(
                    field + " must be between " + EARLIEST + " and " + LATEST + ", was " + instant);
        }
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static Map<String, String> checkAttributes(Map<String, String> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException(
                    "attributes must hold at most " + MAX_ATTRIBUTES + " entries, had " + attributes.size());
        }
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            String key = entry.getKey();
            Objects.requireNonNull(key, "attribute key must not be null");
            Check.length(key, "attribute key", MAX_ATTRIBUTE_KEY_LENGTH);
            if (!ATTRIBUTE_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(
                        "attribute key must use only A-Z, a-z, 0-9, '_', '.', ':' and '-', was \"" + key + "\"");
            }
            String value = entry.getValue();
            Objects.requireNonNull(value, () -> "attribute \"" + key + "\" must not have a null value");
            Check.length(value, "attribute \"" + key + "\"", MAX_ATTRIBUTE_VALUE_LENGTH);
        }
        return Map.copyOf(attributes);
    }

    /**
     * Tells whether this comment is a root of its thread.
     *
     * @return true when it has no parent
     */
    public boolean isRoot() {
        return parentId == null;
    }

    /**
     * Checks that {@code changed} keeps every component fixed at insert: thread, parent id, root id, depth,
     * in-reply-to id, kind, the linkback's source URL and the creation time. This is the rule
     * {@link CommentStore#update(Comment)} enforces; a store calls it on the stored comment before writing.
     *
     * @param changed the new state of this comment
     * @throws IllegalArgumentException naming every fixed component that differs
     */
    public void requireSameFixedFields(Comment changed) {
        Objects.requireNonNull(changed, "changed must not be null");
        List<String> differing = new ArrayList<>();
        if (!thread.equals(changed.thread)) {
            differing.add("thread");
        }
        if (!Objects.equals(parentId, changed.parentId)) {
            differing.add("parent id");
        }
        if (!rootId.equals(changed.rootId)) {
            differing.add("root id");
        }
        if (depth != changed.depth) {
            differing.add("depth");
        }
        if (!Objects.equals(inReplyToId, changed.inReplyToId)) {
            differing.add("in reply to id");
        }
        if (kind != changed.kind) {
            differing.add("kind");
        }
        String source = linkback == null ? null : linkback.sourceUrl();
        String changedSource = changed.linkback == null ? null : changed.linkback.sourceUrl();
        if (!Objects.equals(source, changedSource)) {
            differing.add("linkback source url");
        }
        if (!createdAt.equals(changed.createdAt)) {
            differing.add("created at");
        }
        if (!differing.isEmpty()) {
            throw new IllegalArgumentException("update of comment " + changed.id
                    + " must not change fields fixed at insert: " + String.join(", ", differing));
        }
    }

    /**
     * Returns a new builder with no values set but {@code status} {@link Status#APPROVED}, {@code kind}
     * {@link Kind#COMMENT}, empty text and html, version 0, no attributes and no provenance.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this comment's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Collects the values of a {@link Comment}; {@link #build()} checks them all at once.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private CommentId id;
        private ThreadKey thread;
        private CommentId parentId;
        private CommentId rootId;
        private int depth;
        private CommentId inReplyToId;
        private Kind kind = Kind.COMMENT;
        private Status status = Status.APPROVED;
        private Author author;
        private String text = "";
        private String html = "";
        private Linkback linkback;
        private String moderationReason;
        private Instant createdAt;
        private Instant updatedAt;
        private long version;
        private Map<String, String> attributes = Map.of();
        private Provenance provenance;

        private Builder() {
        }

        private Builder(Comment c) {
            id = c.id;
            thread = c.thread;
            parentId = c.parentId;
            rootId = c.rootId;
            depth = c.depth;
            inReplyToId = c.inReplyToId;
            kind = c.kind;
            status = c.status;
            author = c.author;
            text = c.text;
            html = c.html;
            linkback = c.linkback;
            moderationReason = c.moderationReason;
            createdAt = c.createdAt;
            updatedAt = c.updatedAt;
            version = c.version;
            attributes = c.attributes;
            provenance = c.provenance;
        }

        /**
         * Sets the id; for a root, the root id follows unless {@link #rootId(CommentId)} is set.
         *
         * @param id the id
         * @return this builder
         */
        public Builder id(CommentId id) {
            this.id = id;
            return this;
        }

        /**
         * Sets the thread.
         *
         * @param thread the thread
         * @return this builder
         */
        public Builder thread(ThreadKey thread) {
            this.thread = thread;
            return this;
        }

        /**
         * Makes the comment a root: no parent, depth 0, its own id as root id, in reply to nothing.
         *
         * @return this builder
         */
        public Builder asRoot() {
            this.parentId = null;
            this.rootId = null;
            this.depth = 0;
            this.inReplyToId = null;
            return this;
        }

        /**
         * Makes the comment a direct reply to {@code parent}: same thread, the parent's root, one level deeper.
         *
         * @param parent the comment answered
         * @return this builder
         */
        public Builder replyTo(Comment parent) {
            Objects.requireNonNull(parent, "parent must not be null");
            this.thread = parent.thread;
            this.parentId = parent.id;
            this.rootId = parent.rootId;
            this.depth = parent.depth + 1;
            this.inReplyToId = parent.id;
            return this;
        }

        /**
         * Sets the parent id.
         *
         * @param parentId the parent, or null for a root
         * @return this builder
         */
        public Builder parentId(CommentId parentId) {
            this.parentId = parentId;
            return this;
        }

        /**
         * Sets the root id.
         *
         * @param rootId the root of the subtree
         * @return this builder
         */
        public Builder rootId(CommentId rootId) {
            this.rootId = rootId;
            return this;
        }

        /**
         * Sets the depth.
         *
         * @param depth 0 for a root
         * @return this builder
         */
        public Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        /**
         * Sets the comment answered, when it differs from the parent.
         *
         * @param inReplyToId the comment answered, or null for the parent
         * @return this builder
         */
        public Builder inReplyToId(CommentId inReplyToId) {
            this.inReplyToId = inReplyToId;
            return this;
        }

        /**
         * Sets the kind.
         *
         * @param kind the kind
         * @return this builder
         */
        public Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets the status.
         *
         * @param status the status
         * @return this builder
         */
        public Builder status(Status status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the author.
         *
         * @param author the author
         * @return this builder
         */
        public Builder author(Author author) {
            this.author = author;
            return this;
        }

        /**
         * Sets the raw text.
         *
         * @param text the input as submitted
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * Sets the sanitized html.
         *
         * @param html the rendering
         * @return this builder
         */
        public Builder html(String html) {
            this.html = html;
            return this;
        }

        /**
         * Sets the linkback source.
         *
         * @param linkback the source, or null for a comment
         * @return this builder
         */
        public Builder linkback(Linkback linkback) {
            this.linkback = linkback;
            return this;
        }

        /**
         * Sets the moderation reason.
         *
         * @param moderationReason why the comment has its status, or null
         * @return this builder
         */
        public Builder moderationReason(String moderationReason) {
            this.moderationReason = moderationReason;
            return this;
        }

        /**
         * Sets the creation time and, unless set separately, the update time.
         *
         * @param createdAt when it was posted
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets the update time.
         *
         * @param updatedAt when it last changed
         * @return this builder
         */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * Sets the version.
         *
         * @param version the optimistic-locking version
         * @return this builder
         */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /**
         * Sets the attributes, replacing any set before.
         *
         * @param attributes the host's own data
         * @return this builder
         */
        public Builder attributes(Map<String, String> attributes) {
            this.attributes = attributes;
            return this;
        }

        /**
         * Sets the provenance.
         *
         * @param provenance where an imported comment came from, or null
         * @return this builder
         */
        public Builder provenance(Provenance provenance) {
            this.provenance = provenance;
            return this;
        }

        /**
         * Builds the comment. A missing root id defaults to the id for a root; a missing update time defaults to
         * the creation time.
         *
         * @return the comment
         * @throws NullPointerException if a required value is missing
         * @throws IllegalArgumentException if a value is out of range or the tree fields disagree
         */
        public Comment build() {
            CommentId root = rootId == null && parentId == null ? id : rootId;
            Instant updated = updatedAt == null ? createdAt : updatedAt;
            return new Comment(id, thread, parentId, root, depth, inReplyToId, kind, status, author, text, html,
                    linkback, moderationReason, createdAt, updated, version, attributes, provenance);
        }
    }
}
