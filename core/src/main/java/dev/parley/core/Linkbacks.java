package dev.parley.core;

import dev.parley.core.content.Html;
import dev.parley.core.internal.Updates;
import dev.parley.core.moderation.ModerationOutcome;
import dev.parley.core.moderation.RejectCode;
import dev.parley.core.moderation.Submission;
import dev.parley.core.moderation.Verdict;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.DuplicateLinkbackException;
import dev.parley.storage.Linkback;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Verified linkbacks: recorded once per (thread, source), updated and removed when a source changes. */
final class Linkbacks {

    /** The reason stored when a linkback is removed because its source no longer links here. */
    static final String SOURCE_GONE = "deleted: the source no longer links here";


    private final Engine engine;

    Linkbacks(Engine engine) {
        this.engine = engine;
    }

    /** What a linkback request becomes once its text fields are cut, escaped and judged. */
    private record Prepared(Author author, Linkback linkback, String text, String html, ModerationOutcome outcome) {
    }

    LinkbackResult record(LinkbackRequest request) {
        Instant now = engine.clock().instant();
        if (engine.policy().closing(request.thread()).isClosedAt(now)) {
            return new LinkbackResult.Rejected(RejectCode.CLOSED, Engine.message(RejectCode.CLOSED));
        }
        Optional<Comment> existing = engine.store().findLinkback(request.thread(), request.sourceUrl());
        if (existing.isPresent()) {
            return new LinkbackResult.AlreadyRegistered(existing.get());
        }
        Prepared p = prepare(request, now);
        if (p.outcome().verdict() == Verdict.REJECT) {
            return new LinkbackResult.Rejected(p.outcome().code(), Engine.message(p.outcome().code()));
        }
        Comment comment = Comment.builder()
                .id(engine.ids().get())
                .thread(request.thread())
                .asRoot()
                .kind(request.kind())
                .status(Posting.status(p.outcome().verdict()))
                .author(p.author())
                .text(p.text())
                .html(p.html())
                .linkback(p.linkback())
                .attributes(request.details().writeTo(Map.of()))
                .moderationReason(p.outcome().reason())
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

    /**
     * A re-verified source (a Webmention update): new sources are recorded; a known one gets the new title,
     * text, author and details (the host's own attributes kept) and is judged again. Spam stays spam and a held linkback is not published by it.
     */
    LinkbackResult update(LinkbackRequest request) {
        Instant now = engine.clock().instant();
        Optional<Comment> existing = engine.store().findLinkback(request.thread(), request.sourceUrl());
        if (existing.isEmpty()) {
            return record(request);
        }
        Prepared p = prepare(request, now);
        if (p.outcome().verdict() == Verdict.REJECT) {
            return new LinkbackResult.Rejected(p.outcome().code(), Engine.message(p.outcome().code()));
        }
        Optional<Updates.Change> change = Updates.apply(engine.store(), existing.get().id(), stored -> {
            // Only a removal this class made itself (the source stopped linking) is undone by a new mention; a
            // moderator's delete, like a spam verdict, sticks whatever the sender re-sends.
            boolean removedBySource = stored.status() == Status.DELETED && SOURCE_GONE.equals(stored.moderationReason());
            Status status = switch (stored.status()) {
                case SPAM -> Status.SPAM;
                case PENDING -> p.outcome().verdict() == Verdict.SPAM ? Status.SPAM : Status.PENDING;
                case APPROVED -> Posting.status(p.outcome().verdict());
                case DELETED -> removedBySource ? Posting.status(p.outcome().verdict()) : Status.DELETED;
            };
            boolean kept = status == stored.status() && (status == Status.SPAM || status == Status.DELETED);
            return Optional.of(stored.toBuilder().author(p.author()).text(p.text())
                    .html(p.html()).linkback(p.linkback()).status(status)
                    .attributes(request.details().writeTo(stored.attributes()))
                    .moderationReason(kept ? stored.moderationReason() : p.outcome().reason())
                    .updatedAt(now.isBefore(stored.createdAt()) ? stored.createdAt() : now).build());
        });
        if (change.isEmpty()) {
            return record(request);
        }
        Updates.Change done = change.get();
        engine.listeners().fire(l -> l.onEdited(done.before(), done.after()), "linkback updated");
        return new LinkbackResult.Recorded(done.after());
    }

    /** A source that no longer links (a Webmention whose source is gone): the linkback leaves the thread. */
    Optional<Comment> remove(ThreadKey thread, String sourceUrl) {
        Optional<Comment> existing = engine.store().findLinkback(thread, sourceUrl);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        Instant now = engine.clock().instant();
        Optional<Updates.Change> change = Updates.apply(engine.store(), existing.get().id(),
                stored -> stored.status() == Status.DELETED ? Optional.empty()
                        : Optional.of(stored.toBuilder().status(Status.DELETED)
                                .moderationReason(SOURCE_GONE)
                                .updatedAt(now.isBefore(stored.createdAt()) ? stored.createdAt() : now).build()));
        if (change.isEmpty()) {
            return engine.store().find(existing.get().id());
        }
        Updates.Change done = change.get();
        engine.listeners().fire(l -> l.onModerated(done.before(), done.after(), ModeratorAction.DELETE),
                "linkback removed");
        return Optional.of(done.after());
    }

    private Prepared prepare(LinkbackRequest request, Instant now) {
        // Another site's text may carry control characters (a U+0001 would make the Atom feed ill-formed XML,
        // a U+0000 cannot be stored in PostgreSQL): cleaned like a reader's comment.
        String title = cut(oneLine(InputValidator.storable(request.title())), Linkback.MAX_TITLE_LENGTH);
        String text = cut(InputValidator.storable(request.excerpt()).strip(), engine.settings().maxTextLength());
        // Title, excerpt and author come from another site as text: escaped here, never parsed as HTML.
        String html = text.isEmpty() ? "" : "<p>" + Html.escape(text) + "</p>";
        String name = request.authorName() != null ? oneLine(InputValidator.storable(request.authorName())) : title;
        if (name.isBlank()) {
            name = host(request.sourceUrl());
        }
        ClientContext client = request.client();
        Author author = new Author(cut(name, engine.settings().maxNameLength()), null, request.sourceUrl(), null,
                client.ip(), client.userAgent());
        Linkback linkback = new Linkback(request.sourceUrl(), title);
        Submission submission = new Submission(request.thread(), request.kind(), null, author, text, html,
                linkback, client.referrer(), client.permalink(), null);
        ModerationOutcome outcome = engine.pipeline().evaluate(submission, engine.store(), now);
        return new Prepared(author, linkback, text, html, outcome);
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
