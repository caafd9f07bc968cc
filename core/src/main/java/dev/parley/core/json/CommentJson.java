package dev.parley.core.json;

import dev.parley.core.LinkbackDetails;
import dev.parley.core.MoreReplies;
import dev.parley.core.ReplyPage;
import dev.parley.core.ThreadNode;
import dev.parley.core.ThreadPage;
import dev.parley.core.avatar.AvatarHash;
import dev.parley.core.avatar.AvatarKeys;
import dev.parley.core.avatar.Gravatar;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.Linkback;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.Status;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns pages and comments into the two JSON schemas and back, with Jackson 3.
 *
 * <ul>
 *   <li><b>Public</b> ({@link PublicThread}, {@link PublicComment}, {@link PublicAuthor}): what any reader
 *       may see. Never an e-mail address, client address or User-Agent; status only on a held comment shown
 *       to its author (or on a moderator's page: held, and spam kept for its replies); placeholders (deleted
 *       or spam comments kept for their replies) without author, content, source or edit time.</li>
 *   <li><b>Moderator</b> ({@link ModeratorComment}, {@link ModeratorPage}): every stored field, the
 *       moderation reason included. Serve it to moderators only.</li>
 * </ul>
 *
 * <p>Times are ISO-8601 UTC strings; absent values are left out; unknown properties are refused when
 * reading, so a typo in a client does not pass silently. Immutable and thread-safe.
 *
 * <p>Jackson 3 ({@code tools.jackson.core:jackson-databind}) is an optional dependency of parley-core: the
 * {@code toPublic} and {@code toModerator} conversions work without it, {@link #write} and {@link #read} need
 * it on the class or module path and throw {@link NoClassDefFoundError} otherwise.
 */
public final class CommentJson {

    private final Function<Author, @Nullable String> avatars;
    private final @Nullable Predicate<Comment> postAuthor;
    private final @Nullable BiFunction<Comment, String, String> repliesLinks;

    private CommentJson(Function<Author, @Nullable String> avatars) {
        this(avatars, null, null);
    }

    private CommentJson(Function<Author, @Nullable String> avatars, @Nullable Predicate<Comment> postAuthor,
            @Nullable BiFunction<Comment, String, String> repliesLinks) {
        this.avatars = avatars;
        this.postAuthor = postAuthor;
        this.repliesLinks = repliesLinks;
    }

    /**
     * Jackson 3 is an optional dependency: loaded on the first {@code write} or {@code read}, so that a host
     * without it (or one serializing the views with Jackson 2) can still build the views.
     */
    private static final class Mapper {
        static final JsonMapper INSTANCE = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();

        private Mapper() {
        }
    }

    /**
     * Returns a converter without avatars.
     *
     * @return the converter
     */
    public static CommentJson create() {
        return new CommentJson(author -> null);
    }

    /**
     * Returns a converter that adds an avatar URL to each public author, e.g. a Gravatar URL or the path of a
     * locally served identicon computed from the author's e-mail. The function sees the private fields; only
     * its result is published.
     *
     * @param avatars the avatar URL of an author, or null for none
     * @return the converter
     * @throws NullPointerException if {@code avatars} is null
     */
    public static CommentJson withAvatars(Function<Author, @Nullable String> avatars) {
        return new CommentJson(Objects.requireNonNull(avatars, "avatars must not be null"));
    }

    /**
     * Returns a converter whose avatars are Gravatar images: {@code gravatar.url(AvatarHash.of(author))},
     * Gravatar's hash of the e-mail (or of the user id or name when there is none, which shows the fallback).
     *
     * <p>An explicit opt-in: the published URL carries the unsalted hash of each author's e-mail address, which
     * lets anyone confirm a guessed address (hash it and compare) and makes every reader's browser ask Gravatar.
     * {@link #withIdenticons(String, AvatarKeys)} reveals neither.
     *
     * @param gravatar the Gravatar settings (size, fallback, rating)
     * @return the converter
     * @throws NullPointerException if {@code gravatar} is null
     */
    public static CommentJson withGravatar(Gravatar gravatar) {
        Objects.requireNonNull(gravatar, "gravatar must not be null");
        return new CommentJson(author -> gravatar.url(AvatarHash.of(author)));
    }

    /**
     * Returns a converter whose avatars are the host's own identicon route, so a page needs no third-party
     * request and reveals no hash of an address: {@code prefix + keys.of(author).hex() + ".svg"}, e.g.
     * {@code /avatars/3f2a...9c.svg}, which the host answers with
     * {@code Identicon.svg(new AvatarHash(hex), size)}. The key is an HMAC under the site's secret
     * ({@link AvatarKeys}), so a guessed address cannot be checked against it.
     *
     * @param prefix the route prefix, e.g. {@code "/avatars/"}
     * @param keys the site's avatar keys
     * @return the converter
     * @throws NullPointerException if {@code prefix} or {@code keys} is null
     */
    public static CommentJson withIdenticons(String prefix, AvatarKeys keys) {
        Objects.requireNonNull(prefix, "prefix must not be null");
        Objects.requireNonNull(keys, "keys must not be null");
        return new CommentJson(author -> prefix + keys.of(author).hex() + ".svg");
    }

    /**
     * Returns a converter like this one that also tells, on each public author, whether they wrote the post
     * the comment is on ({@code "postAuthor": true}), so a client can show the badge a page shows. Without
     * it, {@code postAuthor} is left out.
     *
     * @param isPostAuthor whether a (stored, not yet blanked) comment's author wrote the post of its thread,
     *     e.g. {@code c -> authorId.equals(c.author().userId())}
     * @return the converter
     * @throws NullPointerException if {@code isPostAuthor} is null
     */
    public CommentJson withPostAuthor(Predicate<Comment> isPostAuthor) {
        return new CommentJson(avatars, Objects.requireNonNull(isPostAuthor, "isPostAuthor must not be null"),
                repliesLinks);
    }

    /**
     * Returns a converter like this one that also gives each "more replies" marker the {@code href} where the
     * host serves the next page of replies. Without it, {@code href} is left out and a client builds the URL
     * from {@code cursor}.
     *
     * @param links the URL of the page of replies under a root (as stored) that continues from a
     *     {@link dev.parley.core.ReplyCursor} token, e.g.
     *     {@code (root, cursor) -> "/api/threads/" + slug + "/comments/" + root.id().value() + "/replies?after=" + cursor}
     * @return the converter
     * @throws NullPointerException if {@code links} is null
     */
    public CommentJson withRepliesLinks(BiFunction<Comment, String, String> links) {
        return new CommentJson(avatars, postAuthor, Objects.requireNonNull(links, "links must not be null"));
    }

    /**
     * Converts a page to the public schema.
     *
     * @param page the page
     * @return the view
     * @throws NullPointerException if {@code page} is null
     */
    public PublicThread toPublic(ThreadPage page) {
        Objects.requireNonNull(page, "page must not be null");
        List<PublicComment> comments = new ArrayList<>(page.roots().size());
        for (ThreadNode root : page.roots()) {
            comments.add(toPublic(root));
        }
        return new PublicThread(page.thread().value(), page.order() == Order.OLDEST_FIRST ? "oldest" : "newest",
                page.counts().approved(), page.next() == null ? null : page.next().token(), comments);
    }

    /**
     * Converts a node and its replies to the public schema. The node is presented already: a page's nodes by
     * the page's reader, a single comment's by {@link ThreadNode#ThreadNode(dev.parley.storage.Comment)} as a
     * reader's page shows it (deleted and spam comments as placeholders) or by
     * {@link ThreadNode#forModerator} as a moderator's page does (spam with status {@code "spam"}).
     *
     * @param node the node
     * @return the view
     * @throws NullPointerException if {@code node} is null
     */
    public PublicComment toPublic(ThreadNode node) {
        Objects.requireNonNull(node, "node must not be null");
        return toPublic(node, null);
    }

    /**
     * Converts a page of replies under one root to the public schema.
     *
     * @param page the page
     * @return the view
     * @throws NullPointerException if {@code page} is null
     */
    public PublicReplies toPublic(ReplyPage page) {
        Objects.requireNonNull(page, "page must not be null");
        Comment root = page.root().comment();
        List<PublicComment> replies = new ArrayList<>(page.replies().size());
        for (ThreadNode reply : page.replies()) {
            replies.add(toPublic(reply, page.inReplyTo(reply).map(p -> p.id().value()).orElse(null)));
        }
        return new PublicReplies(root.thread().value(), toPublic(page.root()), replies,
                more(root, page.moreReplies()));
    }

    private @Nullable PublicMoreReplies more(Comment root, @Nullable MoreReplies more) {
        if (more == null) {
            return null;
        }
        String cursor = more.cursor().token();
        return new PublicMoreReplies(more.count(), cursor,
                repliesLinks == null ? null : repliesLinks.apply(root, cursor));
    }

    private PublicComment toPublic(ThreadNode node, @Nullable String parent) {
        Comment c = node.comment();
        List<PublicComment> replies = new ArrayList<>(node.replies().size());
        for (ThreadNode reply : node.replies()) {
            replies.add(toPublic(reply));
        }
        boolean placeholder = node.placeholder();
        PublicAuthor author = placeholder ? null
                : new PublicAuthor(c.author().name(), c.author().url(), avatars.apply(c.author()),
                        postAuthor == null ? null : postAuthor.test(c));
        PublicComment.PublicSource source = placeholder ? null : source(c);
        return new PublicComment(
                c.id().value(),
                lower(c.kind()),
                author,
                placeholder ? null : c.html(),
                c.createdAt(),
                c.updatedAt().equals(c.createdAt()) ? null : c.updatedAt(),
                c.depth(),
                c.inReplyToId() == null || c.inReplyToId().equals(c.parentId()) ? null : c.inReplyToId().value(),
                placeholder,
                switch (c.status()) {
                    case PENDING -> "pending";
                    case SPAM -> "spam";
                    case APPROVED, DELETED -> null;
                },
                source,
                replies,
                parent,
                more(c, node.moreReplies().orElse(null)));
    }

    /**
     * Converts a comment to the moderator schema.
     *
     * @param comment the comment
     * @return the view
     * @throws NullPointerException if {@code comment} is null
     */
    public ModeratorComment toModerator(Comment comment) {
        Objects.requireNonNull(comment, "comment must not be null");
        Author a = comment.author();
        return new ModeratorComment(
                comment.id().value(),
                comment.thread().value(),
                comment.parentId() == null ? null : comment.parentId().value(),
                comment.rootId().value(),
                comment.inReplyToId() == null ? null : comment.inReplyToId().value(),
                comment.depth(),
                lower(comment.kind()),
                lower(comment.status()),
                comment.moderationReason(),
                new ModeratorComment.Author(a.name(), a.email(), a.url(), a.userId(), a.ip(), a.userAgent()),
                comment.text(),
                comment.html(),
                source(comment),
                comment.createdAt(),
                comment.updatedAt(),
                comment.version(),
                comment.attributes());
    }

    private static PublicComment.@Nullable PublicSource source(Comment comment) {
        Linkback linkback = comment.linkback();
        if (linkback == null) {
            return null;
        }
        LinkbackDetails details = LinkbackDetails.of(comment);
        return new PublicComment.PublicSource(linkback.sourceUrl(), linkback.title(), details.type().id(),
                details.url(), details.published() == null ? null
                        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(details.published()),
                details.authorUrl(), details.authorPhoto());
    }

    /**
     * Converts a store page (the moderation queue) to the moderator schema.
     *
     * @param page the page
     * @return the view
     * @throws NullPointerException if {@code page} is null
     */
    public ModeratorPage toModerator(Page page) {
        Objects.requireNonNull(page, "page must not be null");
        List<ModeratorComment> items = new ArrayList<>(page.items().size());
        for (Comment comment : page.items()) {
            items.add(toModerator(comment));
        }
        return new ModeratorPage(items, page.next() == null ? null : page.next().token());
    }

    /**
     * Writes a view as JSON.
     *
     * @param view a {@link PublicThread}, {@link PublicComment}, {@link PublicReplies}, {@link ModeratorComment} or
     *     {@link ModeratorPage}
     * @return the JSON text
     * @throws NullPointerException if {@code view} is null
     * @throws IllegalArgumentException if {@code view} is not one of this package's views
     */
    public String write(Record view) {
        Objects.requireNonNull(view, "view must not be null");
        if (!(view instanceof PublicThread || view instanceof PublicComment || view instanceof PublicAuthor
                || view instanceof PublicReplies || view instanceof ModeratorComment || view instanceof ModeratorPage)) {
            throw new IllegalArgumentException("view must be one of the schema records of "
                    + CommentJson.class.getPackageName() + ", was " + view.getClass().getName());
        }
        return Mapper.INSTANCE.writeValueAsString(view);
    }

    /**
     * Reads a view back, e.g. in a client or a test.
     *
     * @param json the JSON text
     * @param type the view type
     * @param <T> the view type
     * @return the view
     * @throws NullPointerException naming the argument, if one is null
     * @throws tools.jackson.core.JacksonException if the text does not match the schema
     */
    public <T extends Record> T read(String json, Class<T> type) {
        Objects.requireNonNull(json, "json must not be null");
        Objects.requireNonNull(type, "type must not be null");
        return Mapper.INSTANCE.readValue(json, type);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
