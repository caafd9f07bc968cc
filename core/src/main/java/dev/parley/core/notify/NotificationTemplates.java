package dev.parley.core.notify;

import dev.parley.storage.Comment;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Turns a notification into a subject, a plain-text body and an HTML body. The host replaces it to word or
 * brand its mails; {@link #standard(String)} is Parley's own.
 *
 * <p>The data handed in is raw: names, thread keys and URLs are not escaped, so an implementation escapes per
 * context (HTML-escape in the HTML body, nothing in the text body and the subject). A comment's content is
 * {@link Comment#html()}, the sanitized rendering the engine stored; {@link #text(Comment)} derives the plain
 * text from it. Never put {@link Comment#text()} (the raw input) in a mail.
 *
 * <p>Implementations are thread-safe.
 */
public interface NotificationTemplates {

    /**
     * The mail asking an address to confirm it wants notifications.
     *
     * @param mail what it says
     * @return the rendered mail
     */
    Rendered confirmation(Confirmation mail);

    /**
     * The mail telling a commenter of replies to their comments in one thread (one or more, batched).
     *
     * @param mail what it says
     * @return the rendered mail
     */
    Rendered replies(Replies mail);

    /**
     * The mail telling a post's author of a new comment or linkback.
     *
     * @param mail what it says
     * @return the rendered mail
     */
    Rendered newComment(NewComment mail);

    /**
     * The mail telling a moderator of a held comment, with one-time approve, spam and delete links.
     *
     * @param mail what it says
     * @return the rendered mail
     */
    Rendered held(Held mail);

    /**
     * Parley's own templates: short English mails, the HTML body a minimal document.
     *
     * @param siteName the site's name, shown in subjects and bodies
     * @return the templates; immutable and thread-safe
     * @throws IllegalArgumentException if {@code siteName} is blank or holds a line break
     */
    static NotificationTemplates standard(String siteName) {
        return new StandardTemplates(siteName);
    }

    /**
     * A comment's content as plain text, from its sanitized HTML: paragraphs and line breaks kept, tags dropped,
     * entities decoded; a linkback without an excerpt gives its title.
     *
     * @param comment the comment
     * @return the text
     */
    static String text(Comment comment) {
        return MailText.of(comment);
    }

    /**
     * A rendered mail. Immutable and thread-safe.
     *
     * @param subject the subject, one line
     * @param text the plain-text body
     * @param html the HTML body
     */
    record Rendered(String subject, String text, String html) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if one is null
         */
        public Rendered {
            Objects.requireNonNull(subject, "subject must not be null");
            Objects.requireNonNull(text, "text must not be null");
            Objects.requireNonNull(html, "html must not be null");
        }
    }

    /**
     * The unsubscribe links every notification carries. Immutable and thread-safe.
     *
     * @param thread stops this thread's notifications to the address
     * @param all stops every notification to the address
     */
    record Unsubscribe(String thread, String all) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if one is null
         */
        public Unsubscribe {
            Objects.requireNonNull(thread, "thread must not be null");
            Objects.requireNonNull(all, "all must not be null");
        }
    }

    /**
     * A confirmation request. Immutable and thread-safe.
     *
     * @param to the address asked
     * @param confirmUrl the signed link that confirms it
     * @param expiresAt when that link stops working
     * @param unsubscribeUrl the signed link that refuses every mail to the address (for a request it never made)
     */
    record Confirmation(String to, String confirmUrl, Instant expiresAt, String unsubscribeUrl) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if one is null
         */
        public Confirmation {
            Objects.requireNonNull(to, "to must not be null");
            Objects.requireNonNull(confirmUrl, "confirmUrl must not be null");
            Objects.requireNonNull(expiresAt, "expiresAt must not be null");
            Objects.requireNonNull(unsubscribeUrl, "unsubscribeUrl must not be null");
        }
    }

    /**
     * One reply in a reply notification. Immutable and thread-safe.
     *
     * @param reply the reply
     * @param answered the recipient's comment it answers
     * @param url the reply's permalink
     */
    record Reply(Comment reply, Comment answered, String url) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if one is null
         */
        public Reply {
            Objects.requireNonNull(reply, "reply must not be null");
            Objects.requireNonNull(answered, "answered must not be null");
            Objects.requireNonNull(url, "url must not be null");
        }
    }

    /**
     * Replies to one commenter in one thread. Immutable and thread-safe.
     *
     * @param to the commenter's address
     * @param thread the thread
     * @param replies the replies, oldest first, at least one
     * @param unsubscribe the unsubscribe links
     */
    record Replies(String to, ThreadKey thread, List<Reply> replies, Unsubscribe unsubscribe) {

        /**
         * Checks the components and copies the list.
         *
         * @throws NullPointerException if one is null
         * @throws IllegalArgumentException if there are no replies
         */
        public Replies {
            Objects.requireNonNull(to, "to must not be null");
            Objects.requireNonNull(thread, "thread must not be null");
            replies = List.copyOf(replies);
            if (replies.isEmpty()) {
                throw new IllegalArgumentException("replies must not be empty");
            }
            Objects.requireNonNull(unsubscribe, "unsubscribe must not be null");
        }
    }

    /**
     * A new comment or linkback for the post's author. Immutable and thread-safe.
     *
     * @param to the post author's address
     * @param comment the comment or linkback
     * @param url its permalink
     * @param unsubscribe the unsubscribe links
     */
    record NewComment(String to, Comment comment, String url, Unsubscribe unsubscribe) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if one is null
         */
        public NewComment {
            Objects.requireNonNull(to, "to must not be null");
            Objects.requireNonNull(comment, "comment must not be null");
            Objects.requireNonNull(url, "url must not be null");
            Objects.requireNonNull(unsubscribe, "unsubscribe must not be null");
        }
    }

    /**
     * A held comment for a moderator. Immutable and thread-safe.
     *
     * @param to the moderator's address
     * @param comment the held comment
     * @param approveUrl the one-time link that approves it
     * @param spamUrl the one-time link that marks it spam
     * @param deleteUrl the one-time link that deletes it
     * @param expiresAt when the three links stop working
     * @param unsubscribe the unsubscribe links
     */
    record Held(String to, Comment comment, String approveUrl, String spamUrl, String deleteUrl, Instant expiresAt,
            Unsubscribe unsubscribe) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException if one is null
         */
        public Held {
            Objects.requireNonNull(to, "to must not be null");
            Objects.requireNonNull(comment, "comment must not be null");
            Objects.requireNonNull(approveUrl, "approveUrl must not be null");
            Objects.requireNonNull(spamUrl, "spamUrl must not be null");
            Objects.requireNonNull(deleteUrl, "deleteUrl must not be null");
            Objects.requireNonNull(expiresAt, "expiresAt must not be null");
            Objects.requireNonNull(unsubscribe, "unsubscribe must not be null");
        }
    }
}
