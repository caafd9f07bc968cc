package dev.parley.core;

import dev.parley.core.moderation.ModerationOutcome;
import dev.parley.core.moderation.RejectCode;
import dev.parley.core.moderation.Submission;
import dev.parley.core.moderation.Verdict;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.InsertConditions;
import dev.parley.storage.InsertResult;
import dev.parley.storage.Kind;
import dev.parley.storage.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** New comments and replies: validation, placement in the tree, moderation, insert, events. */
final class Posting {

    static final String TRUSTED_REASON = "approved: posted by a trusted user";

    private final Engine engine;
    /** Serializes judging and storing for a store that cannot check insert conditions atomically. */
    private final Object serialPosting = new Object();

    Posting(Engine engine) {
        this.engine = engine;
    }

    /** Where a new reply hangs: its parent, root and depth. */
    private record Placement(@Nullable CommentId parentId, CommentId rootId, int depth) {
    }

    PostResult post(PostRequest request) {
        Instant now = engine.clock().instant();
        if (engine.policy().closing(request.thread()).isClosedAt(now)) {
            return rejected(RejectCode.CLOSED, null);
        }
        InputValidator.Outcome checked = engine.validator().check(request);
        if (checked.problem() != null) {
            InputValidator.Problem p = checked.problem();
            return new PostResult.Rejected(p.code(), p.field(), p.message());
        }
        InputValidator.Valid valid = checked.valid();
        CommentId id = engine.ids().get();
        Placement placement = new Placement(null, id, 0);
        if (request.parentId() != null) {
            placement = place(request, request.parentId());
            if (placement == null) {
                return rejected(RejectCode.BAD_PARENT, null);
            }
        }
        String html = engine.renderer().render(valid.text(), request.format());
        ClientContext client = request.client();
        Author author = new Author(valid.name(), valid.email(), valid.url(), request.userId(), client.ip(),
                client.userAgent());
        Submission submission = new Submission(request.thread(), Kind.COMMENT, request.parentId(), author,
                valid.text(), html, null, client.referrer(), client.permalink(), null);
        PostResult result;
        if (engine.store().supportsInsertConditions()) {
            result = judgeAndInsert(request, id, placement, valid, html, author, submission, now);
        } else {
            // The store cannot check the rules atomically: serialize judging and storing within this JVM.
            synchronized (serialPosting) {
                result = judgeAndInsert(request, id, placement, valid, html, author, submission, now);
            }
        }
        if (result instanceof PostResult.Accepted accepted) {
            // Outside the lock: a slow listener holds up no other post.
            Comment comment = accepted.comment();
            engine.listeners().fire(l -> l.onPosted(comment), "posted");
        }
        return result;
    }

    /** Judges the submission and stores the comment; fires nothing. */
    private PostResult judgeAndInsert(PostRequest request, CommentId id, Placement placement,
            InputValidator.Valid valid, String html, Author author, Submission submission, Instant now) {
        ModerationOutcome outcome = request.trusted()
                ? new ModerationOutcome(Verdict.APPROVE, null, TRUSTED_REASON)
                : engine.pipeline().evaluate(submission, engine.store(), now);
        if (outcome.verdict() == Verdict.REJECT) {
            RejectCode code = Objects.requireNonNull(outcome.code());
            return new PostResult.Rejected(code, null, Engine.message(code), outcome.retryAfter());
        }
        Comment comment = Comment.builder()
                .id(id)
                .thread(request.thread())
                .parentId(placement.parentId())
                .rootId(placement.rootId())
                .depth(placement.depth())
                .inReplyToId(request.parentId())
                .kind(Kind.COMMENT)
                .status(status(outcome.verdict()))
                .author(author)
                .text(valid.text())
                .html(html)
                .moderationReason(outcome.reason())
                .createdAt(now)
                .updatedAt(now)
                .build();
        InsertConditions conditions = outcome.conditions();
        if (conditions.isEmpty() || !engine.store().supportsInsertConditions()) {
            engine.store().insert(comment);
        } else {
            InsertResult stored = engine.store().insert(comment, conditions);
            if (stored instanceof InsertResult.Duplicate) {
                return rejected(RejectCode.DUPLICATE, null);
            }
            if (stored instanceof InsertResult.TooSoon) {
                // A post from the same client landed a moment ago: the whole interval is the honest wait.
                Duration interval = engine.settings().floodInterval();
                return new PostResult.Rejected(RejectCode.FLOOD, null, Engine.message(RejectCode.FLOOD),
                        interval.isZero() ? null : interval);
            }
        }
        EditToken token = engine.tokens().issue(comment.id(), now.plus(engine.settings().editWindow()));
        return new PostResult.Accepted(comment, token);
    }

    /**
     * Finds where a reply to {@code answeredId} hangs: under it, or, when it is at the deepest level, under
     * its ancestor one level above the deepest, so the reply lands at the deepest level beside it.
     */
    private @Nullable Placement place(PostRequest request, CommentId answeredId) {
        Optional<Comment> found = engine.store().find(answeredId);
        if (found.isEmpty()) {
            return null;
        }
        Comment answered = found.get();
        if (!answered.thread().equals(request.thread()) || answered.status() != Status.APPROVED) {
            return null;
        }
        int maxDepth = engine.settings().maxDepth();
        if (answered.depth() < maxDepth) {
            return new Placement(answered.id(), answered.rootId(), answered.depth() + 1);
        }
        if (maxDepth == 1) {
            return new Placement(answered.rootId(), answered.rootId(), 1);
        }
        // One read of the subtree instead of one read per level up.
        Map<CommentId, Comment> subtree = new HashMap<>();
        for (Comment reply : engine.store().replies(List.of(answered.rootId()), EnumSet.allOf(Status.class))) {
            subtree.put(reply.id(), reply);
        }
        Comment ancestor = answered;
        while (ancestor != null && ancestor.depth() > maxDepth - 1) {
            ancestor = subtree.get(ancestor.parentId());
        }
        if (ancestor == null) {
            return null;
        }
        return new Placement(ancestor.id(), answered.rootId(), ancestor.depth() + 1);
    }

    static Status status(Verdict verdict) {
        return switch (verdict) {
            case APPROVE -> Status.APPROVED;
            case HOLD -> Status.PENDING;
            case SPAM -> Status.SPAM;
            case REJECT -> throw new IllegalArgumentException("a rejection has no status");
        };
    }

    private static PostResult rejected(RejectCode code, @Nullable InputField field) {
        return new PostResult.Rejected(code, field, Engine.message(code));
    }
}
