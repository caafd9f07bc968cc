package dev.parley.core;

import dev.parley.core.content.InputFormat;
import dev.parley.core.internal.EditTokens;
import dev.parley.core.internal.Updates;
import dev.parley.core.moderation.ModerationOutcome;
import dev.parley.core.moderation.RejectCode;
import dev.parley.core.moderation.Submission;
import dev.parley.core.moderation.Verdict;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Status;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Changes to stored comments: the author's edit and delete, and every moderator action. */
final class Changes {

    /** Starts the reason of a held comment whose edited text the rules pass: it stays held all the same. */
    private static final String HELD_THROUGH_EDIT = "held: edited while awaiting moderation; ";
    private static final String BEFORE = "before the edit: ";
    private static final String NEW_TEXT = "; rules on the new text: ";

    private final Engine engine;

    Changes(Engine engine) {
        this.engine = engine;
    }

    EditResult editByAuthor(CommentId id, EditToken token, String submitted, InputFormat format) {
        Instant now = engine.clock().instant();
        EditResult.Rejected refused = checkAuthor(id, token, now);
        if (refused != null) {
            return refused;
        }
        String text = InputValidator.storable(submitted);
        InputValidator.Problem problem = engine.validator().checkText(text);
        if (problem != null) {
            return new EditResult.Rejected(problem.code(), problem.field(), problem.message());
        }
        Optional<Comment> found = engine.store().find(id);
        if (found.isEmpty()) {
            return notFound();
        }
        Comment current = found.get();
        String stripped = text.strip();
        String html = engine.renderer().render(stripped, format);
        Submission submission = new Submission(current.thread(), current.kind(), current.inReplyToId(),
                current.author(), stripped, html, null, null, null, id);
        ModerationOutcome outcome = engine.pipeline().evaluate(submission, engine.store(), now);
        if (outcome.verdict() == Verdict.REJECT) {
            return new EditResult.Rejected(outcome.code(), null, Engine.message(outcome.code()));
        }
        Optional<Updates.Change> change = Updates.apply(engine.store(), id, stored -> {
            if (!editable(stored)) {
                return Optional.empty();
            }
            // An edit may hold or mark spam, but never publishes a comment a moderator has not approved.
            Status status = switch (outcome.verdict()) {
                case SPAM -> Status.SPAM;
                case HOLD -> Status.PENDING;
                default -> stored.status();
            };
            // The reason always judges the text now stored. A held comment the rules now pass stays held, so its
            // reason keeps why it was first held (the rules skip who wrote it on an edit) beside the new verdict.
            String reason = outcome.verdict() == Verdict.APPROVE && stored.status() == Status.PENDING
                    ? heldThroughEdit(stored.moderationReason(), outcome.reason()) : outcome.reason();
            return Optional.of(stored.toBuilder().text(stripped).html(html).status(status).moderationReason(reason)
                    .updatedAt(later(stored, now)).build());
        });
        if (change.isEmpty()) {
            return notFound();
        }
        Updates.Change done = change.get();
        engine.listeners().fire(l -> l.onEdited(done.before(), done.after()), "edited");
        return new EditResult.Done(done.after());
    }

    EditResult deleteByAuthor(CommentId id, EditToken token) {
        Instant now = engine.clock().instant();
        EditResult.Rejected refused = checkAuthor(id, token, now);
        if (refused != null) {
            return refused;
        }
        Optional<Updates.Change> change = Updates.apply(engine.store(), id, stored -> editable(stored)
                ? Optional.of(stored.toBuilder().status(Status.DELETED).moderationReason("deleted by author").build())
                : Optional.empty());
        if (change.isEmpty()) {
            return notFound();
        }
        Updates.Change done = change.get();
        engine.listeners().fire(l -> l.onDeletedByAuthor(done.before(), done.after()), "deleted by author");
        return new EditResult.Done(done.after());
    }

    /** Checks the token, the window, that the comment is live, and that no one has replied. */
    private EditResult.@Nullable Rejected checkAuthor(CommentId id, EditToken token, Instant now) {
        Optional<EditTokens.Verified> verified = engine.tokens().verify(token);
        if (verified.isEmpty() || !verified.get().id().equals(id)) {
            return refuse(RejectCode.BAD_TOKEN);
        }
        if (!now.isBefore(verified.get().expiry())) {
            return refuse(RejectCode.EDIT_WINDOW_CLOSED);
        }
        Optional<Comment> found = engine.store().find(id);
        if (found.isEmpty() || !editable(found.get())) {
            return refuse(RejectCode.NOT_FOUND);
        }
        if (hasReplies(found.get())) {
            return refuse(RejectCode.HAS_REPLIES);
        }
        return null;
    }

    /**
     * Leaves out of the open windows the comments the author could not change now: gone, no longer published
     * or held, or answered. Two store reads whatever the number: the comments, then the replies of their roots.
     */
    Map<CommentId, Instant> changeable(Map<CommentId, Instant> open) {
        if (open.isEmpty()) {
            return Map.of();
        }
        Map<CommentId, Comment> found = engine.store().findAll(open.keySet());
        Set<CommentId> roots = new HashSet<>();
        for (Comment comment : found.values()) {
            if (editable(comment)) {
                roots.add(comment.rootId());
            }
        }
        Set<CommentId> answered = new HashSet<>();
        if (!roots.isEmpty()) {
            for (Comment reply : engine.store().replies(roots, EnumSet.of(Status.APPROVED, Status.PENDING))) {
                if (reply.parentId() != null) {
                    answered.add(reply.parentId());
                }
                if (reply.inReplyToId() != null) {
                    answered.add(reply.inReplyToId());
                }
            }
        }
        Map<CommentId, Instant> changeable = new HashMap<>();
        open.forEach((id, until) -> {
            Comment comment = found.get(id);
            if (comment != null && editable(comment) && !answered.contains(id)) {
                changeable.put(id, until);
            }
        });
        return Map.copyOf(changeable);
    }

    private static boolean editable(Comment comment) {
        return comment.kind() == Kind.COMMENT
                && (comment.status() == Status.APPROVED || comment.status() == Status.PENDING);
    }

    private boolean hasReplies(Comment comment) {
        for (Comment reply : engine.store().replies(List.of(comment.rootId()),
                EnumSet.of(Status.APPROVED, Status.PENDING))) {
            if (comment.id().equals(reply.parentId()) || comment.id().equals(reply.inReplyToId())) {
                return true;
            }
        }
        return false;
    }

    EditResult editAsModerator(CommentId id, String submitted, InputFormat format) {
        String text = InputValidator.storable(submitted);
        InputValidator.Problem problem = engine.validator().checkText(text);
        if (problem != null) {
            return new EditResult.Rejected(problem.code(), problem.field(), problem.message());
        }
        Instant now = engine.clock().instant();
        String stripped = text.strip();
        String html = engine.renderer().render(stripped, format);
        Optional<Updates.Change> change = Updates.apply(engine.store(), id, stored -> stored.kind() == Kind.COMMENT
                ? Optional.of(stored.toBuilder().text(stripped).html(html).updatedAt(later(stored, now)).build())
                : Optional.empty());
        if (change.isEmpty()) {
            return notFound();
        }
        Updates.Change done = change.get();
        engine.listeners().fire(l -> l.onEdited(done.before(), done.after()), "edited");
        return new EditResult.Done(done.after());
    }

    Optional<Comment> moderate(CommentId id, ModeratorAction action) {
        Optional<Updates.Change> change = Updates.apply(engine.store(), id, stored -> {
            Status target = target(stored.status(), action);
            if (target == stored.status()) {
                return Optional.empty();
            }
            // The update time is what readers see as "edited": a change of status is no edit of the text.
            return Optional.of(stored.toBuilder().status(target).moderationReason(reason(action)).build());
        });
        if (change.isEmpty()) {
            return engine.store().find(id);
        }
        Updates.Change done = change.get();
        engine.listeners().fire(l -> l.onModerated(done.before(), done.after(), action), action.name());
        return Optional.of(done.after());
    }

    /**
     * {@link #moderate} only while the comment is still at {@code version}: the check runs on each fresh read
     * inside the compare-and-set update, so of two racing calls for one version at most one applies.
     */
    Optional<Comment> moderateAt(CommentId id, ModeratorAction action, long version) {
        Optional<Updates.Change> change = Updates.apply(engine.store(), id, stored -> {
            Status target = target(stored.status(), action);
            if (stored.version() != version || target == stored.status()) {
                return Optional.empty();
            }
            return Optional.of(stored.toBuilder().status(target).moderationReason(reason(action)).build());
        });
        if (change.isEmpty()) {
            return Optional.empty();
        }
        Updates.Change done = change.get();
        engine.listeners().fire(l -> l.onModerated(done.before(), done.after(), action), action.name());
        return Optional.of(done.after());
    }

    private static Status target(Status current, ModeratorAction action) {
        return switch (action) {
            case APPROVE -> Status.APPROVED;
            case HOLD -> Status.PENDING;
            case SPAM -> Status.SPAM;
            case DELETE -> Status.DELETED;
            case RESTORE -> current == Status.DELETED || current == Status.SPAM ? Status.APPROVED : current;
        };
    }

    private static String reason(ModeratorAction action) {
        return switch (action) {
            case APPROVE -> "approved by a moderator";
            case HOLD -> "held by a moderator";
            case SPAM -> "marked spam by a moderator";
            case DELETE -> "deleted by a moderator";
            case RESTORE -> "restored by a moderator";
        };
    }

    /** Removes a comment and every reply below it from storage, deepest first. */
    boolean purge(CommentId id) {
        Optional<Comment> found = engine.store().find(id);
        if (found.isEmpty()) {
            return false;
        }
        Comment target = found.get();
        Map<CommentId, List<Comment>> children = new HashMap<>();
        for (Comment reply : engine.store().replies(List.of(target.rootId()), EnumSet.allOf(Status.class))) {
            children.computeIfAbsent(reply.parentId(), k -> new ArrayList<>()).add(reply);
        }
        List<Comment> order = new ArrayList<>();
        Deque<Comment> todo = new ArrayDeque<>();
        todo.push(target);
        while (!todo.isEmpty()) {
            Comment next = todo.pop();
            order.add(next);
            for (Comment child : children.getOrDefault(next.id(), List.of())) {
                todo.push(child);
            }
        }
        boolean removed = false;
        for (int i = order.size() - 1; i >= 0; i--) {
            Comment gone = order.get(i);
            if (engine.store().delete(gone.id())) {
                removed |= gone.id().equals(id);
                engine.listeners().fire(l -> l.onPurged(gone), "purged");
            }
        }
        return removed;
    }

    private static Instant later(Comment stored, Instant now) {
        // A clock set back must not make updated-at precede created-at, which the model refuses.
        return now.isBefore(stored.createdAt()) ? stored.createdAt() : now;
    }

    /**
     * The reason of a held comment that stays held though the rules pass its edited text: why it was held before
     * the first such edit (kept through later ones, so the reason does not grow), then the rules' new reason,
     * cut to the stored limit as the pipeline cuts its notes.
     */
    private static String heldThroughEdit(@Nullable String stored, String approved) {
        String before = stored;
        if (before != null && before.startsWith(HELD_THROUGH_EDIT + BEFORE)) {
            int end = before.lastIndexOf(NEW_TEXT);
            before = before.substring((HELD_THROUGH_EDIT + BEFORE).length(),
                    end < 0 ? before.length() : end);
        }
        StringBuilder reason = new StringBuilder(HELD_THROUGH_EDIT);
        if (before != null && !before.isEmpty()) {
            reason.append(BEFORE).append(before).append("; ");
        }
        reason.append(NEW_TEXT, 2, NEW_TEXT.length()).append(approved);
        if (reason.length() > Comment.MAX_REASON_LENGTH) {
            reason.setLength(Comment.MAX_REASON_LENGTH - 3);
            reason.append("...");
        }
        return reason.toString();
    }

    private static EditResult.Rejected refuse(RejectCode code) {
        return new EditResult.Rejected(code, null, Engine.message(code));
    }

    private static EditResult notFound() {
        return refuse(RejectCode.NOT_FOUND);
    }
}
