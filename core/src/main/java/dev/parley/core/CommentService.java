package dev.parley.core;

import dev.parley.core.content.CommentRenderer;
import dev.parley.core.content.ContentRenderer;
import dev.parley.core.content.InputFormat;
import dev.parley.core.internal.EditTokens;
import dev.parley.core.internal.Ids;
import dev.parley.core.internal.Listeners;
import dev.parley.core.moderation.ModerationPipeline;
import dev.parley.core.moderation.ModerationRule;
import dev.parley.core.moderation.Rules;
import dev.parley.core.moderation.SpamCheck;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentSearch;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.ThreadState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Parley's engine, the one entry point a host calls: post and reply, record linkbacks, let authors edit and
 * delete, moderate, and read thread pages.
 *
 * <pre>{@code
 * CommentService comments = CommentService.builder()
 *         .store(new InMemoryCommentStore())
 *         .tokenSecret(secretBytes)              // 32 bytes or more, kept by the host
 *         .build();
 * PostResult result = comments.post(PostRequest.builder(ThreadKey.of("hello-world"), "Nice post!")
 *         .author("Ann", "ann@example.org", null)
 *         .client(new ClientContext(ip, userAgent, referrer, permalink))
 *         .build());
 * ThreadPage page = comments.page(ThreadKey.of("hello-world"), Order.OLDEST_FIRST, null, 50, Viewer.anonymous());
 * }</pre>
 *
 * <p><b>Outcomes and errors.</b> What a user or a remote server can cause is a value ({@link PostResult},
 * {@link EditResult}, {@link LinkbackResult}, an empty {@link Optional}); a null or out-of-range argument
 * throws {@link NullPointerException} or {@link IllegalArgumentException} naming it; a storage failure is the
 * store's {@link dev.parley.storage.StoreException}.
 *
 * <p><b>Costs.</b> A page costs three store reads whatever the thread size: the roots, all their replies, and
 * the thread's counts. Posting reads a few pages for the moderation rules (flood, duplicates, known author).
 *
 * <p>Immutable and thread-safe; build one per store and share it.
 */
public final class CommentService {

    private final Engine engine;
    private final Posting posting;
    private final Linkbacks linkbacks;
    private final Changes changes;
    private final Reading reading;
    private final ReplyReading replyReading;

    private CommentService(Engine engine) {
        this.engine = engine;
        this.posting = new Posting(engine);
        this.linkbacks = new Linkbacks(engine);
        this.changes = new Changes(engine);
        this.reading = new Reading(engine);
        this.replyReading = new ReplyReading(engine, reading);
    }

    /**
     * Returns a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the default moderation rules for {@code settings}, in order: duplicate, flood, block words,
     * moderate all (when on), links (when on), hold words, known author. A host that wants its own pipeline
     * starts from these.
     *
     * @param settings the settings
     * @return the rules, an unmodifiable list
     * @throws NullPointerException if {@code settings} is null
     */
    public static List<ModerationRule> defaultRules(Settings settings) {
        Objects.requireNonNull(settings, "settings must not be null");
        List<ModerationRule> rules = new ArrayList<>();
        rules.add(Rules.duplicate());
        if (!settings.floodInterval().isZero()) {
            rules.add(Rules.flood(settings.floodInterval()));
        }
        rules.add(Rules.blockWords(settings.blockWords()));
        if (settings.moderateAll()) {
            rules.add(Rules.moderateAll());
        }
        if (settings.linkLimit() > 0) {
            rules.add(Rules.linkLimit(settings.linkLimit()));
        }
        rules.add(Rules.holdWords(settings.holdWords()));
        rules.add(Rules.knownAuthor(settings.holdNewAuthors(), settings.knownAuthorLookback()));
        return List.copyOf(rules);
    }

    /**
     * Returns the settings.
     *
     * @return the settings
     */
    public Settings settings() {
        return engine.settings();
    }

    /**
     * Returns the moderation pipeline in use.
     *
     * @return the pipeline
     */
    public ModerationPipeline pipeline() {
        return engine.pipeline();
    }

    // ---- posting ------------------------------------------------------------------------------------------

    /**
     * Posts a comment or a reply: validates it, places it in the tree, runs moderation, stores it.
     *
     * <p>A reply's parent must be an approved comment of the same thread. A reply to a comment at the
     * deepest level ({@link Settings#maxDepth()}) is stored at that level, under the answered comment's
     * parent, and keeps the answered comment as its {@link Comment#inReplyToId()}.
     *
     * @param request what was submitted
     * @return accepted with the stored comment and the author's edit token, or rejected with a code
     * @throws NullPointerException if {@code request} is null
     */
    public PostResult post(PostRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        return posting.post(request);
    }

    /**
     * Checks the fields of a submission as {@link #post} does, and returns every problem, not only the first:
     * a form can then mark all the fields to fix at once. Nothing is stored and no moderation rule, flood
     * check or parent lookup runs, so an empty list does not promise that {@link #post} accepts.
     *
     * @param request what was submitted
     * @return one rejection per refused field, in {@link InputField} order (name, e-mail, web site, text),
     *     each with its field, code and message as {@link #post} would return it; empty when every field is valid
     * @throws NullPointerException if {@code request} is null
     */
    public List<PostResult.Rejected> check(PostRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        return engine.validator().check(request).problems().stream()
                .map(p -> new PostResult.Rejected(p.code(), p.field(), p.message()))
                .toList();
    }

    /**
     * Records a verified linkback as a root comment of its kind, through moderation (see
     * {@link dev.parley.core.moderation.Rules} for which rules judge linkbacks). Idempotent per
     * (thread, source URL): the second time it returns {@link LinkbackResult.AlreadyRegistered}, also when two
     * requests race.
     *
     * @param request the linkback
     * @return recorded, already registered, or rejected (closed thread)
     * @throws NullPointerException if {@code request} is null
     */
    public LinkbackResult recordLinkback(LinkbackRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        return linkbacks.record(request);
    }

    /**
     * Updates a linkback whose source was verified again (a Webmention sent a second time after the source
     * changed): a source not yet recorded is recorded; a known one gets the new title, text, author and
     * {@link LinkbackDetails details} and is judged again. Spam stays spam, and an update never publishes a held linkback; a deleted one
     * comes back if moderation approves.
     *
     * @param request the re-verified linkback
     * @return recorded (stored or updated) or rejected
     * @throws NullPointerException if {@code request} is null
     */
    public LinkbackResult updateLinkback(LinkbackRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        return linkbacks.update(request);
    }

    /**
     * Removes a linkback whose source no longer links to the thread (a Webmention whose source is gone,
     * HTTP 410, or no longer has the link): it is kept as {@link Status#DELETED}.
     *
     * @param thread the thread
     * @param sourceUrl the source URL, compared exactly
     * @return the linkback as stored now, or empty if the thread holds none from that source
     * @throws NullPointerException naming the argument, if one is null
     */
    public Optional<Comment> removeLinkback(ThreadKey thread, String sourceUrl) {
        Objects.requireNonNull(thread, "thread must not be null");
        Objects.requireNonNull(sourceUrl, "source url must not be null");
        return linkbacks.remove(thread, sourceUrl);
    }

    // ---- the author's changes -----------------------------------------------------------------------------

    /**
     * Lets the author change their comment's text with the edit token, inside the edit window and while no
     * one has replied.
     *
     * <p>The new text goes through the whole moderation pipeline again, as a new comment would, and the stored
     * moderation reason is replaced by the pipeline's reason for the new text, so a moderator never reads a
     * reason that described the old text. The pipeline's verdict decides the status, with one exception:
     * <ul>
     * <li>a rejection refuses the edit and stores nothing;</li>
     * <li>spam marks the comment spam, a hold holds it (also a published one), each with the new reason;</li>
     * <li>an approval keeps the status: a published comment stays published, and a <em>held comment stays
     *     held</em>, even though the pipeline would have published the new text as a new comment. Its reason
     *     then keeps why it was held and adds the pipeline's, e.g. {@code "held: edited while awaiting
     *     moderation; before the edit: held: matched hold word "casino" in text; rules on the new text:
     *     approved: no rule objected"} (later edits keep the first "before the edit" part). An edit thus never
     *     publishes a comment without a moderator: the rules do not judge the author again on an edit (a new
     *     author's held comment would publish itself by any edit), a moderator's hold must hold, and text held
     *     and then edited is for the moderator to compare with what was first posted.</li>
     * </ul>
     *
     * @param id the comment
     * @param token the token issued with it
     * @param text the new text
     * @param format how the text is written
     * @return done, or rejected with {@code BAD_TOKEN}, {@code EDIT_WINDOW_CLOSED}, {@code HAS_REPLIES},
     *     {@code NOT_FOUND} or a validation or moderation code
     * @throws NullPointerException naming the argument, if one is null
     */
    public EditResult editByAuthor(CommentId id, EditToken token, String text, InputFormat format) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(token, "token must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(format, "format must not be null");
        return changes.editByAuthor(id, token, text, format);
    }

    /**
     * Lets the author delete their comment with the edit token, inside the edit window and while no one has
     * replied. The comment is kept as {@link Status#DELETED} and, having no replies, disappears from pages.
     *
     * @param id the comment
     * @param token the token issued with it
     * @return done, or rejected with {@code BAD_TOKEN}, {@code EDIT_WINDOW_CLOSED}, {@code HAS_REPLIES} or
     *     {@code NOT_FOUND}
     * @throws NullPointerException naming the argument, if one is null
     */
    public EditResult deleteByAuthor(CommentId id, EditToken token) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(token, "token must not be null");
        return changes.deleteByAuthor(id, token);
    }

    /**
     * Finds the token among the viewer's that opens a comment for {@link #editByAuthor} and
     * {@link #deleteByAuthor}, e.g. to act on a comment the author chose on a page when the tokens travel in a
     * cookie. Only the token's signature and comment are checked: an expired token is returned too, so that
     * acting with it reports {@code EDIT_WINDOW_CLOSED}.
     *
     * @param id the comment
     * @param viewer who asks, with the tokens they present
     * @return a genuine token of the viewer for that comment, or empty if none is
     * @throws NullPointerException naming the argument, if one is null
     */
    public Optional<EditToken> editToken(CommentId id, Viewer viewer) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(viewer, "viewer must not be null");
        Optional<EditToken> latest = Optional.empty();
        Instant latestExpiry = Instant.MIN;
        for (EditToken token : viewer.editTokens()) {
            Optional<EditTokens.Verified> verified = engine.tokens().verify(token);
            if (verified.isPresent() && verified.get().id().equals(id)
                    && verified.get().expiry().isAfter(latestExpiry)) {
                latest = Optional.of(token);
                latestExpiry = verified.get().expiry();
            }
        }
        return latest;
    }

    /**
     * Tells which comments the viewer's tokens open now and until when, e.g. to show edit and delete controls
     * on the author's comments only while they work. A comment listed may still refuse an edit because someone
     * replied to it, or because it is no longer published or held; nothing is read from the store.
     *
     * @param viewer who reads, with the tokens they present
     * @return for each comment a genuine, unexpired token of the viewer names, when its edit window closes; an
     *     unmodifiable map
     * @throws NullPointerException if {@code viewer} is null
     */
    public Map<CommentId, Instant> editableUntil(Viewer viewer) {
        Objects.requireNonNull(viewer, "viewer must not be null");
        Instant now = engine.clock().instant();
        Map<CommentId, Instant> open = new java.util.HashMap<>();
        for (EditToken token : viewer.editTokens()) {
            engine.tokens().verify(token).filter(verified -> now.isBefore(verified.expiry()))
                    .ifPresent(verified -> open.merge(verified.id(), verified.expiry(),
                            (a, b) -> a.isAfter(b) ? a : b));
        }
        return Map.copyOf(open);
    }

    /**
     * Tells which comments the viewer may edit or delete now and until when: those of {@link #editableUntil}
     * that the engine would also let the author change, so that a page shows controls exactly where they work.
     * A comment anyone answered is left out, whether the reply hangs under it, answers it beside it past the
     * deepest level, or awaits moderation unseen by the author; so is a comment no longer published or held.
     * The store is read twice whatever the number of tokens: the comments at once, then the replies of their
     * roots at once.
     *
     * @param viewer who reads, with the tokens they present
     * @return for each comment the viewer may change now, when its edit window closes; an unmodifiable map
     * @throws NullPointerException if {@code viewer} is null
     */
    public Map<CommentId, Instant> changeableUntil(Viewer viewer) {
        Objects.requireNonNull(viewer, "viewer must not be null");
        return changes.changeable(editableUntil(viewer));
    }

    // ---- moderation ---------------------------------------------------------------------------------------

    /**
     * Changes a comment's text as a moderator, at any time; its status is unchanged.
     *
     * @param id the comment
     * @param text the new text
     * @param format how the text is written
     * @return done, or rejected ({@code NOT_FOUND}, {@code EMPTY}, {@code TOO_LONG})
     * @throws NullPointerException naming the argument, if one is null
     */
    public EditResult editAsModerator(CommentId id, String text, InputFormat format) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Objects.requireNonNull(format, "format must not be null");
        return changes.editAsModerator(id, text, format);
    }

    /**
     * Publishes a comment.
     *
     * @param id the comment
     * @return the comment as stored now, or empty if there is none
     * @throws NullPointerException if {@code id} is null
     */
    public Optional<Comment> approve(CommentId id) {
        return moderate(id, ModeratorAction.APPROVE);
    }

    /**
     * Puts a comment (back) in the moderation queue.
     *
     * @param id the comment
     * @return the comment as stored now, or empty if there is none
     * @throws NullPointerException if {@code id} is null
     */
    public Optional<Comment> hold(CommentId id) {
        return moderate(id, ModeratorAction.HOLD);
    }

    /**
     * Marks a comment spam.
     *
     * @param id the comment
     * @return the comment as stored now, or empty if there is none
     * @throws NullPointerException if {@code id} is null
     */
    public Optional<Comment> markSpam(CommentId id) {
        return moderate(id, ModeratorAction.SPAM);
    }

    /**
     * Applies a moderator's action only if the comment is still at the version the moderator saw: a
     * compare-and-set, so that a one-time link (a mail's approve, spam and delete links) acts at most once even
     * when several of its uses race, and never on a comment that changed since.
     *
     * @param id the comment
     * @param action what to do
     * @param version the version the action was decided on
     * @return the comment as stored now, changed; empty if there is none, it is at another version, or the
     *     action would not change it
     * @throws NullPointerException if {@code id} or {@code action} is null
     */
    public Optional<Comment> moderate(CommentId id, ModeratorAction action, long version) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(action, "action must not be null");
        return changes.moderateAt(id, action, version);
    }

    /**
     * Removes a comment from view, keeping it in storage: it shows as a placeholder while it has visible
     * replies and disappears otherwise.
     *
     * @param id the comment
     * @return the comment as stored now, or empty if there is none
     * @throws NullPointerException if {@code id} is null
     */
    public Optional<Comment> delete(CommentId id) {
        return moderate(id, ModeratorAction.DELETE);
    }

    /**
     * Brings a deleted or spam comment back into view, approved; other comments are left alone.
     *
     * @param id the comment
     * @return the comment as stored now, or empty if there is none
     * @throws NullPointerException if {@code id} is null
     */
    public Optional<Comment> restore(CommentId id) {
        return moderate(id, ModeratorAction.RESTORE);
    }

    /**
     * Removes a comment and every reply below it from storage for good.
     *
     * @param id the comment
     * @return true if it was removed, false if there was none
     * @throws NullPointerException if {@code id} is null
     */
    public boolean purge(CommentId id) {
        Objects.requireNonNull(id, "id must not be null");
        return changes.purge(id);
    }

    private Optional<Comment> moderate(CommentId id, ModeratorAction action) {
        Objects.requireNonNull(id, "id must not be null");
        return changes.moderate(id, action);
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /**
     * Reads a page of a thread: up to {@code limit} roots in {@code order}, each with its visible replies
     * nested oldest first; deleted and spam comments with visible replies as placeholders (a moderator sees
     * such a spam comment as it is); held comments only for the viewer who wrote them (or a moderator).
     *
     * <p>Replies are bounded: at most {@link Settings#repliesPerRoot()} under a root (its oldest) and
     * {@link Settings#repliesPerPage()} in all are read, so a long subtree costs a page no more than a short
     * one. A root whose replies were cut carries {@link ThreadNode#moreReplies()}, whose cursor
     * {@link #replies} continues from. The page's counts stay those of the whole thread.
     *
     * @param thread the thread
     * @param order the order of the roots
     * @param after the cursor of the previous page ({@link ThreadPage#next()}), or null for the first page
     * @param limit the most roots, 1 to {@value PageRequest#MAX_LIMIT}
     * @param viewer who reads
     * @return the page
     * @throws NullPointerException naming the argument, if a required one is null
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    public ThreadPage page(ThreadKey thread, Order order, @Nullable Cursor after, int limit, Viewer viewer) {
        Objects.requireNonNull(thread, "thread must not be null");
        Objects.requireNonNull(order, "order must not be null");
        Objects.requireNonNull(viewer, "viewer must not be null");
        requireLimit(limit);
        return reading.page(thread, order, after, limit, viewer);
    }

    /**
     * Reads the next page of the replies under one root, past a thread page's cut ({@link ThreadNode#moreReplies()})
     * or a previous page of replies ({@link ReplyPage#moreReplies()}): at most {@link Settings#repliesPerPage()}
     * replies, oldest first, with the visibility of a thread page. Following the cursors from a thread page to
     * the last page of replies shows every reply the reader sees under the root exactly once.
     *
     * <p>Bounded in rows whatever the subtree: one read of the root, one keyset page of its replies, a read of
     * the ancestors of top-level replies not on the page per level (usually none or one), and one grouped count
     * of the root's replies, which a database store answers from its replies index alone (its cost grows with
     * the number of index entries under the root, never with the rows read).
     *
     * @param root the root
     * @param after the cursor of the marker, or null for the root's first replies
     * @param viewer who reads
     * @return the page, or empty if {@code root} is not a root or not visible to the viewer
     * @throws NullPointerException naming the argument, if {@code root} or {@code viewer} is null
     */
    public Optional<ReplyPage> replies(CommentId root, @Nullable ReplyCursor after, Viewer viewer) {
        Objects.requireNonNull(root, "root must not be null");
        Objects.requireNonNull(viewer, "viewer must not be null");
        return replyReading.replies(root, after, viewer);
    }

    /**
     * Locates a comment for a permalink: its ancestors and the cursor of the page that starts at its root
     * (see {@link Location}).
     *
     * @param id the comment
     * @param order the order the host pages in
     * @param viewer who follows the link
     * @return the location, or empty if the comment does not exist or is not visible to the viewer; deleted and
     *     spam comments are not located, except spam for a moderator
     * @throws NullPointerException naming the argument, if one is null
     */
    public Optional<Location> locate(CommentId id, Order order, Viewer viewer) {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(order, "order must not be null");
        Objects.requireNonNull(viewer, "viewer must not be null");
        return reading.locate(id, order, viewer);
    }

    /**
     * Reads one comment, whatever its status: for moderators.
     *
     * @param id the comment
     * @return the comment, or empty
     * @throws NullPointerException if {@code id} is null
     */
    public Optional<Comment> find(CommentId id) {
        Objects.requireNonNull(id, "id must not be null");
        return engine.store().find(id);
    }

    /**
     * Counts the comments of many threads by status in one call, e.g. for a list of posts.
     *
     * @param threads the threads, at most {@value PageRequest#MAX_LIMIT}
     * @return counts for each thread, in the order given
     * @throws NullPointerException if {@code threads} is null or holds null
     * @throws IllegalArgumentException if there are too many threads
     */
    public Map<ThreadKey, StatusCounts> counts(Collection<ThreadKey> threads) {
        Objects.requireNonNull(threads, "threads must not be null");
        if (threads.size() > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "threads must hold at most " + PageRequest.MAX_LIMIT + " keys, had " + threads.size());
        }
        for (ThreadKey thread : threads) {
            Objects.requireNonNull(thread, "threads must not contain null");
        }
        return engine.store().counts(threads);
    }

    /**
     * Reads a thread's change stamp and counts in one indexed read, when the store keeps them: what a cached
     * render is keyed by, as every write of the thread increases the stamp in the same transaction (see
     * {@link ThreadState}).
     *
     * @param thread the thread
     * @return the state, or empty when the store keeps none ({@link CommentStore#supportsThreadState()} is
     *     false), in which case nothing may be cached by version
     * @throws NullPointerException if {@code thread} is null
     */
    public Optional<ThreadState> threadState(ThreadKey thread) {
        Objects.requireNonNull(thread, "thread must not be null");
        CommentStore store = engine.store();
        return store.supportsThreadState() ? Optional.of(store.state(thread)) : Optional.empty();
    }

    /**
     * Reads the moderation queue across threads: held comments, each with its moderation reason.
     *
     * @param request order, cursor and limit
     * @return the page
     * @throws NullPointerException if {@code request} is null
     */
    public Page moderationQueue(PageRequest request) {
        return queue(Set.of(Status.PENDING), request);
    }

    /**
     * Reads comments of the given statuses across threads, e.g. spam for review.
     *
     * @param statuses the statuses, not empty
     * @param request order, cursor and limit
     * @return the page
     * @throws NullPointerException naming the argument, if one is null or {@code statuses} holds null
     * @throws IllegalArgumentException if {@code statuses} is empty
     */
    public Page queue(Set<Status> statuses, PageRequest request) {
        Objects.requireNonNull(statuses, "statuses must not be null");
        Objects.requireNonNull(request, "request must not be null");
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses must not be empty");
        }
        for (Status status : statuses) {
            Objects.requireNonNull(status, "statuses must not contain null");
        }
        return engine.store().queue(statuses, request);
    }

    /**
     * Reads a moderator's filtered list of comments across threads: by status, and optionally thread, author
     * name and text (see {@link CommentSearch}), in keyset pages.
     *
     * @param search what to match
     * @param request order, cursor and limit
     * @return the page
     * @throws NullPointerException naming the argument, if one is null
     */
    public Page search(CommentSearch search, PageRequest request) {
        Objects.requireNonNull(search, "search must not be null");
        Objects.requireNonNull(request, "request must not be null");
        return engine.store().search(search, request);
    }

    /**
     * Counts the replies readers see below each comment, at any depth: approved replies whose ancestors are
     * all approved, deleted or spam. A spam or deleted comment with a count above 0 stands on its thread page
     * as a placeholder above those replies; a moderator reviewing the spam queue uses this to find them (and
     * {@link #locate} with {@link Viewer#forModerator()} to link to the spam comment in its thread). Two store
     * reads whatever the number of comments: their roots, and every reply of those roots.
     *
     * @param comments the comments, e.g. a page of {@link #queue}, at most {@value PageRequest#MAX_LIMIT}
     * @return the count for each comment's id, in the order given; 0 for a comment no reader sees a reply of
     * @throws NullPointerException if {@code comments} is null or holds null
     * @throws IllegalArgumentException if there are too many comments
     */
    public Map<CommentId, Integer> visibleReplies(Collection<Comment> comments) {
        Objects.requireNonNull(comments, "comments must not be null");
        if (comments.size() > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "comments must hold at most " + PageRequest.MAX_LIMIT + " comments, had " + comments.size());
        }
        for (Comment comment : comments) {
            Objects.requireNonNull(comment, "comments must not contain null");
        }
        return reading.visibleReplies(comments);
    }

    /**
     * Reads the newest approved comments and linkbacks site-wide, for a "recent comments" widget or feed.
     *
     * @param limit how many, 1 to {@value PageRequest#MAX_LIMIT}
     * @return the comments, newest first
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    public List<Comment> recent(int limit) {
        requireLimit(limit);
        return engine.store().queue(Set.of(Status.APPROVED), PageRequest.first(Order.NEWEST_FIRST, limit)).items();
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limit must be between 1 and " + PageRequest.MAX_LIMIT + ", was " + limit);
        }
    }

    /**
     * Collects what a service is built from; {@link #build()} checks everything at once. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable CommentStore store;
        private Settings settings = Settings.defaults();
        private Clock clock = Clock.systemUTC();
        private byte @Nullable [] tokenSecret;
        private ContentRenderer renderer = CommentRenderer.standard();
        private @Nullable ModerationPipeline pipeline;
        private ThreadPolicy threadPolicy = ThreadPolicy.alwaysOpen();
        private Supplier<CommentId> ids = new Ids();
        private final List<SpamCheck> spamChecks = new ArrayList<>();
        private final List<CommentListener> listeners = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the store (required).
         *
         * @param value the store
         * @return this builder
         */
        public Builder store(CommentStore value) {
            store = value;
            return this;
        }

        /**
         * Sets the settings; {@link Settings#defaults()} otherwise.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder settings(Settings value) {
            settings = value;
            return this;
        }

        /**
         * Sets the clock every timestamp, edit window and flood interval is read from; the system UTC clock
         * otherwise.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /**
         * Sets the secret edit tokens are signed with (required): 32 bytes or more of random data the host
         * keeps across restarts (tokens issued under another secret stop working). Copied.
         *
         * @param value the secret
         * @return this builder
         */
        public Builder tokenSecret(byte[] value) {
            tokenSecret = value == null ? null : value.clone();
            return this;
        }

        /**
         * Sets the secret from text, encoded as UTF-8; it must encode to 32 bytes or more.
         *
         * @param value the secret
         * @return this builder
         */
        public Builder tokenSecret(String value) {
            tokenSecret = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /**
         * Sets how comment text becomes HTML; {@link CommentRenderer#standard()} otherwise.
         *
         * @param value the renderer
         * @return this builder
         */
        public Builder renderer(ContentRenderer value) {
            renderer = value;
            return this;
        }

        /**
         * Replaces the default pipeline ({@link #defaultRules(Settings)} with the settings' report-only rules,
         * then the spam checks). Spam checks added with {@link #spamCheck(SpamCheck)} are not added to a
         * pipeline given here.
         *
         * @param value the pipeline
         * @return this builder
         */
        public Builder pipeline(ModerationPipeline value) {
            pipeline = value;
            return this;
        }

        /**
         * Adds a spam check, run after the default rules in the order added.
         *
         * @param value the check
         * @return this builder
         */
        public Builder spamCheck(SpamCheck value) {
            if (value == null) {
                problems.add("spamCheck must not be null");
            } else {
                spamChecks.add(value);
            }
            return this;
        }

        /**
         * Adds a listener, called in the order added.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(CommentListener value) {
            if (value == null) {
                problems.add("listener must not be null");
            } else {
                listeners.add(value);
            }
            return this;
        }

        /**
         * Sets when threads close; always open otherwise.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder threadPolicy(ThreadPolicy value) {
            threadPolicy = value;
            return this;
        }

        /**
         * Sets where comment ids come from; 96 random bits otherwise. For imports and tests.
         *
         * @param value the id source
         * @return this builder
         */
        public Builder ids(Supplier<CommentId> value) {
            ids = value;
            return this;
        }

        /**
         * Checks everything and builds the service.
         *
         * @return the service
         * @throws IllegalArgumentException naming every missing or bad part at once
         */
        public CommentService build() {
            List<String> all = new ArrayList<>(problems);
            if (store == null) {
                all.add("store must be set");
            }
            if (settings == null) {
                all.add("settings must not be null");
            }
            if (clock == null) {
                all.add("clock must not be null");
            }
            if (tokenSecret == null) {
                all.add("tokenSecret must be set");
            } else if (tokenSecret.length < EditTokens.MIN_SECRET_LENGTH) {
                all.add("tokenSecret must be at least " + EditTokens.MIN_SECRET_LENGTH + " bytes, was "
                        + tokenSecret.length);
            }
            if (renderer == null) {
                all.add("renderer must not be null");
            }
            if (threadPolicy == null) {
                all.add("threadPolicy must not be null");
            }
            if (ids == null) {
                all.add("ids must not be null");
            }
            ModerationPipeline chosen = pipeline;
            if (chosen == null && settings != null) {
                try {
                    ModerationPipeline.Builder rules = ModerationPipeline.builder()
                            .rules(defaultRules(settings), reportOnlyPresent(settings));
                    for (SpamCheck check : spamChecks) {
                        rules.rule(Rules.spamCheck(check, null, "UTF-8"));
                    }
                    chosen = rules.build();
                } catch (RuntimeException e) {
                    all.add("spamCheck: " + e.getMessage());
                }
            }
            if (!all.isEmpty()) {
                throw new IllegalArgumentException("cannot build CommentService: " + String.join("; ", all));
            }
            Engine engine = new Engine(store, settings, clock, new EditTokens(tokenSecret), renderer, chosen,
                    threadPolicy, new Listeners(listeners), ids, new InputValidator(settings));
            return new CommentService(engine);
        }

        /** Report-only names of rules the settings switched off are ignored rather than refused. */
        private static Set<String> reportOnlyPresent(Settings settings) {
            Set<String> present = new java.util.HashSet<>();
            for (ModerationRule rule : defaultRules(settings)) {
                if (settings.reportOnly().contains(rule.name())) {
                    present.add(rule.name());
                }
            }
            return present;
        }
    }
}
