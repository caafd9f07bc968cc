package dev.parley.core.privacy;

import dev.parley.core.internal.Updates;
import dev.parley.core.json.CommentJson;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.subscriptions.Address;
import dev.parley.storage.subscriptions.Subscriptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Export and erasure of everything tied to an e-mail address: the personal-data tools the GDPR makes a site owe
 * its commenters. Call them for a verified request only (the host checks that the requester owns the address).
 *
 * <pre>{@code
 * PrivacyTools privacy = PrivacyTools.builder().store(store).subscriptions(subscriptions).build();
 * privacy.export("ann@example.org", writer);                               // JSON, moderator schema
 * ErasureReport report = privacy.erase("ann@example.org", ErasureMode.DELETE, false);
 * }</pre>
 *
 * <p>Addresses are compared as {@link Author#normalizeEmail} gives them. Both operations read the store in
 * pages of {@value #PAGE} through {@link CommentStore#byEmail}, so memory stays bounded whatever the number of
 * comments; erasing in {@link ErasureMode#DELETE} mode also reads, per comment, the replies of its thread to
 * tell whether it has any.
 *
 * <p>Immutable and thread-safe. Comments are changed through compare-and-set updates, retried on a conflict, so
 * an erasure may run beside posting and moderation.
 */
public final class PrivacyTools {

    /** How many comments one store read returns. */
    static final int PAGE = 200;

    private static final CommentJson JSON = CommentJson.create();

    private final CommentStore store;
    private final @Nullable Subscriptions subscriptions;
    private final Clock clock;
    private final PrivacySettings settings;

    private PrivacyTools(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store must be set");
        this.subscriptions = builder.subscriptions;
        this.clock = builder.clock;
        this.settings = builder.settings;
    }

    /**
     * Returns a builder; only the store is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes everything tied to an address as one JSON object: {@code email} (normalized), {@code exportedAt},
     * {@code comments} and {@code linkbacks} (arrays of comments in the moderator schema,
     * {@link dev.parley.core.json.ModeratorComment}, oldest first, every status), and, when the tools have
     * {@link Subscriptions}, {@code subscriptions}: {@code address} (its {@code state} and {@code changedAt}, or
     * null), {@code watched} (comment ids) and {@code muted} (thread keys).
     *
     * <p>Written as it is read, a page at a time; needs Jackson 3 on the class path, as
     * {@link CommentJson#write} does. The writer is neither flushed nor closed.
     *
     * @param email the address
     * @param out where to write
     * @return what was written
     * @throws IllegalArgumentException if {@code email} is blank
     * @throws UncheckedIOException if writing fails
     */
    public ExportReport export(String email, Writer out) {
        String address = Author.normalizeEmail(email);
        Objects.requireNonNull(out, "out must not be null");
        try {
            out.write("{\"email\":" + quote(address) + ",\"exportedAt\":" + quote(clock.instant().toString())
                    + ",\"comments\":[");
            int comments = writeComments(address, false, out);
            out.write("],\"linkbacks\":[");
            int linkbacks = writeComments(address, true, out);
            out.write("]");
            if (subscriptions != null) {
                writeSubscriptions(subscriptions.export(address), out);
            }
            out.write("}");
            return new ExportReport(comments, linkbacks, subscriptions != null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export", e);
        }
    }

    private int writeComments(String address, boolean linkbacks, Writer out) throws IOException {
        int written = 0;
        PageRequest request = PageRequest.first(Order.OLDEST_FIRST, PAGE);
        while (true) {
            Page page = store.byEmail(address, request);
            for (Comment comment : page.items()) {
                if ((comment.kind() != Kind.COMMENT) == linkbacks) {
                    out.write(written == 0 ? "" : ",");
                    out.write(JSON.write(JSON.toModerator(comment)));
                    written++;
                }
            }
            if (page.nextCursor().isEmpty()) {
                return written;
            }
            request = request.next(page.nextCursor().get());
        }
    }

    private static void writeSubscriptions(Subscriptions.Record kept, Writer out) throws IOException {
        out.write(",\"subscriptions\":{\"address\":");
        Address address = kept.address();
        out.write(address == null ? "null" : "{\"email\":" + quote(address.email()) + ",\"state\":"
                + quote(address.state().name().toLowerCase(java.util.Locale.ROOT)) + ",\"changedAt\":"
                + quote(address.changedAt().toString()) + "}");
        out.write(",\"watched\":[");
        List<CommentId> watched = kept.watched();
        for (int i = 0; i < watched.size(); i++) {
            out.write((i == 0 ? "" : ",") + quote(watched.get(i).value()));
        }
        out.write("],\"muted\":[");
        List<ThreadKey> muted = kept.muted();
        for (int i = 0; i < muted.size(); i++) {
            out.write((i == 0 ? "" : ",") + quote(muted.get(i).value()));
        }
        out.write("]}");
    }

    /**
     * Erases everything tied to an address: its comments as {@code mode} says, and what {@link Subscriptions}
     * keeps for it. An erased comment keeps no trace of the address: name, e-mail address, web site, user id,
     * IP address and User-Agent are replaced ({@link PrivacySettings#anonymousName()}, the others removed), and
     * so is the provenance of an imported comment, which holds the raw values of its source. The text is
     * replaced by {@link PrivacySettings#removedText()} unless {@code keepText} (a placeholder never keeps it).
     * Attributes, the host's own data, are kept.
     *
     * <p>Idempotent: an erased comment no longer carries the address, so a second call finds nothing and
     * reports zeros. Comments are taken newest first, so in {@link ErasureMode#DELETE} mode a reply by the same
     * author is purged before its parent, which may then be purged too.
     *
     * @param email the address
     * @param mode anonymize or delete
     * @param keepText whether anonymized comments keep their text
     * @return what changed
     * @throws IllegalArgumentException if {@code email} is blank
     * @throws dev.parley.storage.StoreException if storage fails; what was erased before stays erased
     */
    public ErasureReport erase(String email, ErasureMode mode, boolean keepText) {
        String address = Author.normalizeEmail(email);
        Objects.requireNonNull(mode, "mode must not be null");
        int anonymized = 0;
        int placeholders = 0;
        int purged = 0;
        while (true) {
            // Always the first page: every comment erased leaves the address's index, so the next read moves on.
            List<Comment> page = store.byEmail(address, PageRequest.first(Order.NEWEST_FIRST, PAGE)).items();
            if (page.isEmpty()) {
                break;
            }
            for (Comment comment : page) {
                if (mode == ErasureMode.ANONYMIZE) {
                    if (anonymize(comment.id(), address, keepText, false)) {
                        anonymized++;
                    }
                } else if (hasReplies(comment)) {
                    if (anonymize(comment.id(), address, false, true)) {
                        placeholders++;
                    }
                } else if (store.delete(comment.id())) {
                    purged++;
                }
            }
        }
        int rows = subscriptions == null ? 0 : subscriptions.erase(address);
        return new ErasureReport(anonymized, placeholders, purged, rows);
    }

    private boolean anonymize(CommentId id, String address, boolean keepText, boolean placeholder) {
        Instant now = clock.instant();
        return Updates.apply(store, id, stored -> {
            String email = stored.author().email();
            if (email == null || !Author.normalizeEmail(email).equals(address)) {
                return Optional.empty();
            }
            Comment.Builder erased = stored.toBuilder()
                    .author(Author.named(settings.anonymousName()))
                    .provenance(null)
                    .updatedAt(now.isBefore(stored.createdAt()) ? stored.createdAt() : now);
            if (!keepText) {
                erased.text(settings.removedText()).html(settings.removedHtml());
            }
            if (placeholder) {
                erased.status(Status.DELETED);
            }
            return Optional.of(erased.build());
        }).isPresent();
    }

    /** Whether any comment, of any status, answers this one: then it must stay as a placeholder. */
    private boolean hasReplies(Comment comment) {
        for (Comment reply : store.replies(List.of(comment.rootId()), EnumSet.allOf(Status.class))) {
            if (comment.id().equals(reply.parentId())) {
                return true;
            }
        }
        return false;
    }

    /** A JSON string literal. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Builds {@link PrivacyTools}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {

        private @Nullable CommentStore store;
        private @Nullable Subscriptions subscriptions;
        private Clock clock = Clock.systemUTC();
        private PrivacySettings settings = PrivacySettings.DEFAULTS;

        private Builder() {
        }

        /**
         * Sets the store. Required.
         *
         * @param store the comment store
         * @return this builder
         */
        public Builder store(CommentStore store) {
            this.store = Objects.requireNonNull(store, "store must not be null");
            return this;
        }

        /**
         * Sets where subscriptions are kept, so export includes them and erase removes them. Optional.
         *
         * @param subscriptions the subscriptions
         * @return this builder
         */
        public Builder subscriptions(Subscriptions subscriptions) {
            this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions must not be null");
            return this;
        }

        /**
         * Sets the clock that stamps exports and erased comments' update time. Default: the UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * Sets what an erasure writes in place. Default: {@link PrivacySettings#DEFAULTS}.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder settings(PrivacySettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings must not be null");
            return this;
        }

        /**
         * Builds the tools.
         *
         * @return the tools
         * @throws IllegalArgumentException if the store is not set
         */
        public PrivacyTools build() {
            if (store == null) {
                throw new IllegalArgumentException("store must be set");
            }
            return new PrivacyTools(this);
        }
    }
}
