package dev.parley.core;

import dev.parley.core.content.InputFormat;
import dev.parley.storage.CommentId;
import dev.parley.storage.ThreadKey;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A new comment or reply as the host received it, before validation.
 *
 * <p>The author fields are the user's input as typed: the service validates them and answers a
 * {@link PostResult.Rejected} for bad input, so only a missing thread, text, format or context is a
 * programming error. For a user the host has authenticated, set {@code userId} (and the display name as
 * {@code name}); the e-mail requirement does not apply to such authors. {@code trusted} marks the host's own
 * staff (the post's author, a moderator): their comments skip moderation and are approved.
 *
 * <p>Immutable and thread-safe.
 *
 * @param thread the thread posted to
 * @param parentId the comment answered, or null for a root comment
 * @param name the author's name as typed, or null
 * @param email the author's e-mail as typed, or null
 * @param url the author's web site as typed, or null
 * @param userId the host's id of an authenticated user, or null for an anonymous author
 * @param text the comment text as typed
 * @param format how the text is written
 * @param client the HTTP request details
 * @param trusted whether the host vouches for the author, skipping moderation
 */
public record PostRequest(
        ThreadKey thread,
        @Nullable CommentId parentId,
        @Nullable String name,
        @Nullable String email,
        @Nullable String url,
        @Nullable String userId,
        String text,
        InputFormat format,
        ClientContext client,
        boolean trusted) {

    /**
     * Checks the required components.
     *
     * @throws NullPointerException naming the component, if a required one is null
     */
    public PostRequest {
        Objects.requireNonNull(thread, "thread must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(client, "client must not be null");
    }

    /**
     * Returns a builder for a comment on {@code thread}.
     *
     * @param thread the thread
     * @param text the text as typed
     * @return a builder
     * @throws NullPointerException naming the argument, if one is null
     */
    public static Builder builder(ThreadKey thread, String text) {
        return new Builder(Objects.requireNonNull(thread, "thread must not be null"),
                Objects.requireNonNull(text, "text must not be null"));
    }

    /**
     * Collects a request. Not thread-safe.
     */
    public static final class Builder {
        private final ThreadKey thread;
        private final String text;
        private @Nullable CommentId parentId;
        private @Nullable String name;
        private @Nullable String email;
        private @Nullable String url;
        private @Nullable String userId;
        private InputFormat format = InputFormat.PLAIN_TEXT;
        private ClientContext client = ClientContext.none();
        private boolean trusted;

        private Builder(ThreadKey thread, String text) {
            this.thread = thread;
            this.text = text;
        }

        /**
         * Makes it a reply.
         *
         * @param value the comment answered, or null for a root comment
         * @return this builder
         */
        public Builder inReplyTo(@Nullable CommentId value) {
            parentId = value;
            return this;
        }

        /**
         * Sets an anonymous author's fields as typed.
         *
         * @param name the name, or null
         * @param email the e-mail, or null
         * @param url the web site, or null
         * @return this builder
         */
        public Builder author(@Nullable String name, @Nullable String email, @Nullable String url) {
            this.name = name;
            this.email = email;
            this.url = url;
            return this;
        }

        /**
         * Sets a host-authenticated author.
         *
         * @param userId the host's user id
         * @param displayName the name to show
         * @return this builder
         * @throws NullPointerException naming the argument, if one is null
         */
        public Builder user(String userId, String displayName) {
            this.userId = Objects.requireNonNull(userId, "user id must not be null");
            this.name = Objects.requireNonNull(displayName, "display name must not be null");
            return this;
        }

        /**
         * Sets the author's e-mail (for an authenticated user, for the avatar).
         *
         * @param value the e-mail, or null
         * @return this builder
         */
        public Builder email(@Nullable String value) {
            email = value;
            return this;
        }

        /**
         * Sets the author's web site.
         *
         * @param value the URL, or null
         * @return this builder
         */
        public Builder url(@Nullable String value) {
            url = value;
            return this;
        }

        /**
         * Sets how the text is written; plain text by default.
         *
         * @param value the format
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder format(InputFormat value) {
            format = Objects.requireNonNull(value, "format must not be null");
            return this;
        }

        /**
         * Sets the HTTP request details.
         *
         * @param value the context
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder client(ClientContext value) {
            client = Objects.requireNonNull(value, "client must not be null");
            return this;
        }

        /**
         * Marks the author as the host's own staff: the comment skips moderation.
         *
         * @param value true to trust
         * @return this builder
         */
        public Builder trusted(boolean value) {
            trusted = value;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public PostRequest build() {
            return new PostRequest(thread, parentId, name, email, url, userId, text, format, client, trusted);
        }
    }
}
