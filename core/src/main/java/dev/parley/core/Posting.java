package dev.parley.core;

import dev.parley.core.content.Html;
import dev.parley.core.moderation.ModerationOutcome;
import dev.parley.core.moderation.RejectCode;
import dev.parley.core.moderation.Submission;
import dev.parley.core.moderation.Verdict;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.DuplicateLinkbackException;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Status;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** New comments, replies and linkbacks: validation, placement in the tree, moderation, insert, events. */
final class Posting {

    static final String TRUSTED_REASON = "approved: posted by a trusted user";

    private final Engine engine;

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
        ModerationOutcome outcome = request.trusted()
                ? new ModerationOutcome(Verdict.APPROVE, null, TRUSTED_REASON)
                : engine.pipeline().evaluate(submission, engine.store(), now);
        if (outcome.verdict() == Verdict.REJECT) {
            return rejected(outcome.code(), null);
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
        engine.store().insert(comment);
        EditToken token = engine.tokens().issue(comment.id(), now.plus(engine.settings().editWindow()));
        engine.listeners().fire(l -> l.onPosted(comment), "posted");
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

    LinkbackResult recordLinkback(LinkbackRequest request) {
        Instant now = engine.clock().instant();
        if (engine.policy().closing(request.thread()).isClosedAt(now)) {
            return new LinkbackResult.Rejected(RejectCode.CLOSED, Engine.message(RejectCode.CLOSED));
        }
        Optional<Comment> existing = engine.store().findLinkback(request.thread(), request.sourceUrl());
        if (existing.isPresent()) {
            return new LinkbackResult.AlreadyRegistered(existing.get());
        }
        String title = cut(oneLine(request.title()), Linkback.MAX_TITLE_LENGTH);
        String excerpt = cut(request.excerpt().strip(), engine.settings().maxTextLength());
        // Title, excerpt and author come from another site as text: escaped here, never parsed as HTML.
        String html = excerpt.isEmpty() ? "" : "<p>" + Html.escape(excerpt) + "</p>";
        String name = request.authorName() != null ? oneLine(request.authorName())
                : title;
        if (name.isBlank()) {
            name = host(request.sourceUrl());
        }
        ClientContext client = request.client();
        Author author = new Author(cut(name, engine.settings().maxNameLength()), null, request.sourceUrl(), null,
                client.ip(), client.userAgent());
        Linkback linkback = new Linkback(request.sourceUrl(), title);
        Submission submission = new Submission(request.thread(), request.kind(), null, author, excerpt, html,
                linkback, client.referrer(), client.permalink(), null);
        ModerationOutcome outcome = engine.pipeline().evaluate(submission, engine.store(), now);
        if (outcome.verdict() == Verdict.REJECT) {
            return new LinkbackResult.Rejected(outcome.code(), Engine.message(outcome.code()));
        }
        Comment comment = Comment.builder()
                .id(engine.ids().get())
                .thread(request.thread())
                .asRoot()
                .kind(request.kind())
                .status(status(outcome.verdict()))
                .author(author)
                .text(excerpt)
                .html(html)
                .linkback(linkback)
                .moderationReason(outcome.reason())
                .createdAt(now)
                .updatedAt(now)
                .build();
        try {
            engine.store().insert(comment);
        } catch (DuplicateLinkbackException e) {
            // Another request registered the same source between our lookup and insert.
            return engine.store().findLinkback(request.thread(), request.sourceUrl())
                    .<LinkbackResult>map(LinkbackResult.AlreadyRegistered::new)
                    .orElseThrow(() -> e);
        }
        engine.listeners().fire(l -> l.onLinkback(comment), "linkback");
        return new LinkbackResult.Recorded(comment);
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

    private static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static String host(String url) {
        String host = URI.create(url).getHost();
        return host == null || host.isBlank() ? "linkback" : host;
    }
}
