package dev.parley.migrate;

import dev.parley.storage.Kind;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One comment as a {@link CommentReader} read it from a source, already decoded but not yet checked against
 * Parley's limits: the {@link Importer} attaches it to its parent, renders its content, fits its author into an
 * {@link dev.parley.storage.Author} and stores it.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder(String, String)}.
 *
 * @param id the comment's id in the source, not empty
 * @param threadId the id of its source thread, not empty (see {@link SourceThread#id()})
 * @param parentId the source's parent id, or null for a root (WordPress's {@code 0}, an empty {@code pid})
 * @param status the Parley status the source's status maps to
 * @param kind the Parley kind the source's type maps to
 * @param authorName the author's display name, decoded exactly once; may be empty
 * @param authorEmail the author's e-mail address, or null
 * @param authorUrl the author's web site, or for a linkback the linking page, or null
 * @param authorIp the author's IP address, or null
 * @param authorUserAgent the author's User-Agent, or null
 * @param content the content exactly as the source holds it
 * @param format the content's markup
 * @param createdAt when it was posted, in UTC
 * @param updatedAt when it was last edited, or null if never
 * @param provenance the source system, ids and raw values, kept with the stored comment
 * @param warnings what the reader could not take as the source had it
 */
public record SourceComment(
        String id,
        String threadId,
        @Nullable String parentId,
        Status status,
        Kind kind,
        String authorName,
        @Nullable String authorEmail,
        @Nullable String authorUrl,
        @Nullable String authorIp,
        @Nullable String authorUserAgent,
        String content,
        ContentFormat format,
        Instant createdAt,
        @Nullable Instant updatedAt,
        Provenance provenance,
        List<ImportWarning> warnings) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException naming the component, if a required one is null
     * @throws IllegalArgumentException if an id is empty
     */
    public SourceComment {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(threadId, "thread id must not be null");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        if (threadId.isEmpty()) {
            throw new IllegalArgumentException("thread id must not be empty");
        }
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(authorName, "author name must not be null");
        Objects.requireNonNull(content, "content must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(createdAt, "created at must not be null");
        Objects.requireNonNull(provenance, "provenance must not be null");
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings must not be null"));
    }

    /**
     * Returns a builder for a comment with an id and a thread; the rest defaults to an approved comment with no
     * author name, empty HTML content, no parent and the creation time {@link Instant#EPOCH}.
     *
     * @param id the comment's id in the source
     * @param threadId the id of its source thread
     * @return a builder
     */
    public static Builder builder(String id, String threadId) {
        return new Builder(id, threadId);
    }

    /**
     * Collects the values of a {@link SourceComment}.
     *
     * <p>Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private final String id;
        private final String threadId;
        private @Nullable String parentId;
        private Status status = Status.APPROVED;
        private Kind kind = Kind.COMMENT;
        private String authorName = "";
        private @Nullable String authorEmail;
        private @Nullable String authorUrl;
        private @Nullable String authorIp;
        private @Nullable String authorUserAgent;
        private String content = "";
        private ContentFormat format = ContentFormat.HTML;
        private Instant createdAt = Instant.EPOCH;
        private @Nullable Instant updatedAt;
        private @Nullable Provenance provenance;
        private final List<ImportWarning> warnings = new ArrayList<>();

        private Builder(String id, String threadId) {
            this.id = id;
            this.threadId = threadId;
        }

        /**
         * Sets the source's parent id.
         *
         * @param parentId the id, or null for a root
         * @return this builder
         */
        public Builder parentId(@Nullable String parentId) {
            this.parentId = parentId;
            return this;
        }

        /**
         * Sets the status.
         *
         * @param status the Parley status
         * @return this builder
         */
        public Builder status(Status status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the kind.
         *
         * @param kind the Parley kind
         * @return this builder
         */
        public Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets the author's fields.
         *
         * @param name the display name, possibly empty
         * @param email the e-mail address, or null
         * @param url the web site, or null
         * @return this builder
         */
        public Builder author(String name, @Nullable String email, @Nullable String url) {
            this.authorName = name;
            this.authorEmail = email;
            this.authorUrl = url;
            return this;
        }

        /**
         * Sets the author's client.
         *
         * @param ip the IP address, or null
         * @param userAgent the User-Agent, or null
         * @return this builder
         */
        public Builder client(@Nullable String ip, @Nullable String userAgent) {
            this.authorIp = ip;
            this.authorUserAgent = userAgent;
            return this;
        }

        /**
         * Sets the content.
         *
         * @param content the content as the source holds it
         * @param format its markup
         * @return this builder
         */
        public Builder content(String content, ContentFormat format) {
            this.content = content;
            this.format = format;
            return this;
        }

        /**
         * Sets the creation time.
         *
         * @param createdAt when it was posted, in UTC
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets the time of the last edit.
         *
         * @param updatedAt when it was last edited, or null
         * @return this builder
         */
        public Builder updatedAt(@Nullable Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * Sets the provenance.
         *
         * @param provenance the source system, ids and raw values
         * @return this builder
         */
        public Builder provenance(Provenance provenance) {
            this.provenance = provenance;
            return this;
        }

        /**
         * Adds a warning.
         *
         * @param code what kind of problem
         * @param message what was found and done
         * @return this builder
         */
        public Builder warning(ImportWarning.Code code, String message) {
            warnings.add(new ImportWarning(code, threadId, id, message));
            return this;
        }

        /**
         * Builds the comment.
         *
         * @return the comment
         * @throws NullPointerException if the provenance or another required value is missing
         */
        public SourceComment build() {
            return new SourceComment(id, threadId, parentId, status, kind, authorName, authorEmail, authorUrl,
                    authorIp, authorUserAgent, content, format, createdAt, updatedAt,
                    Objects.requireNonNull(provenance, "provenance must be set"), warnings);
        }
    }
}
