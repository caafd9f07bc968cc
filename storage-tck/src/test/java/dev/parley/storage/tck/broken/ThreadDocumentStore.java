package dev.parley.storage.tck.broken;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentNotFoundException;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Cursor;
import dev.parley.storage.DuplicateCommentException;
import dev.parley.storage.DuplicateLinkbackException;
import dev.parley.storage.InsertConditions;
import dev.parley.storage.InsertResult;
import dev.parley.storage.Order;
import dev.parley.storage.Page;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A second, deliberately plain store: each thread is one immutable list of comments (a "document"), replaced
 * whole on every write, as a naive key-value or file-per-page store keeps them. Reads filter and sort; nothing
 * is indexed. With {@link Flaw#NONE} every write replaces its document atomically and the store meets the
 * contract, which shows the kit does not depend on InMemoryCommentStore's internals. Each other flaw breaks
 * one rule the way real stores break it.
 */
final class ThreadDocumentStore implements CommentStore {

    /** What this store gets wrong. */
    enum Flaw {
        /** Nothing: a correct, slow store. */
        NONE,
        /** Insert reads the document, appends and writes it back without a lock: concurrent inserts are lost. */
        UNSYNCHRONISED_INSERT,
        /** Insert checks for the linkback, then appends in a second step: racing duplicates both get in. */
        LINKBACK_CHECK_THEN_INSERT,
        /**
         * A conditional insert checks fingerprints and quiet keys, then inserts in a second step, as a
         * duplicate or flood rule that reads and then writes does: racing duplicates and floods get in.
         */
        CONDITIONS_CHECK_THEN_INSERT
    }

    private static final Comparator<Comment> ASCENDING =
            Comparator.comparing(Comment::createdAt).thenComparing(Comment::id);

    private final Flaw flaw;
    private final ConcurrentHashMap<ThreadKey, List<Comment>> documents = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CommentId, ThreadKey> threadOf = new ConcurrentHashMap<>();
    /** The latest written state of each comment, so find need not search a document. */
    private final ConcurrentHashMap<CommentId, Comment> byId = new ConcurrentHashMap<>();
    /** Guards the three maps below: conditional inserts, and what updates and deletes release. */
    private final Object conditions = new Object();
    private final Map<String, CommentId> fingerprints = new HashMap<>();
    private final Map<CommentId, String> fingerprintOf = new HashMap<>();
    private final Map<String, Instant> quietKeys = new HashMap<>();

    ThreadDocumentStore(Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    public void insert(Comment comment) {
        Objects.requireNonNull(comment, "comment");
        ThreadKey thread = comment.thread();
        if (threadOf.putIfAbsent(comment.id(), thread) != null) {
            throw new DuplicateCommentException(comment.id());
        }
        try {
            switch (flaw) {
                case NONE, CONDITIONS_CHECK_THEN_INSERT ->
                        documents.compute(thread, (key, document) -> append(document, comment));
                case UNSYNCHRONISED_INSERT -> {
                    List<Comment> appended = append(documents.get(thread), comment);
                    roundTrip();
                    documents.put(thread, appended);
                }
                case LINKBACK_CHECK_THEN_INSERT -> {
                    requireNewLinkback(documents.get(thread), comment);
                    roundTrip();
                    documents.compute(thread, (key, document) -> {
                        List<Comment> appended = new ArrayList<>(document == null ? List.of() : document);
                        appended.add(comment);
                        return List.copyOf(appended);
                    });
                }
            }
            byId.put(comment.id(), comment);
        } catch (RuntimeException e) {
            threadOf.remove(comment.id(), thread);
            throw e;
        }
    }

    @Override
    public InsertResult insert(Comment comment, InsertConditions conditions) {
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(conditions, "conditions");
        if (flaw == Flaw.CONDITIONS_CHECK_THEN_INSERT) {
            InsertResult refusal;
            synchronized (this.conditions) {
                refusal = refusal(conditions);
            }
            if (refusal != null) {
                return refusal;
            }
            roundTrip();
            insert(comment);
            synchronized (this.conditions) {
                record(comment, conditions);
            }
            return new InsertResult.Inserted();
        }
        synchronized (this.conditions) {
            InsertResult refusal = refusal(conditions);
            if (refusal != null) {
                return refusal;
            }
            insert(comment);
            record(comment, conditions);
            return new InsertResult.Inserted();
        }
    }

    @Override
    public boolean supportsInsertConditions() {
        return true;
    }

    private InsertResult refusal(InsertConditions conditions) {
        if (conditions.fingerprint() != null && fingerprints.containsKey(conditions.fingerprint())) {
            return new InsertResult.Duplicate(fingerprints.get(conditions.fingerprint()));
        }
        for (String key : conditions.quietKeys()) {
            Instant lastUsed = quietKeys.get(key);
            if (lastUsed != null && lastUsed.isAfter(conditions.quietSince())) {
                return new InsertResult.TooSoon(key, lastUsed);
            }
        }
        return null;
    }

    private void record(Comment comment, InsertConditions conditions) {
        if (conditions.fingerprint() != null) {
            fingerprints.put(conditions.fingerprint(), comment.id());
            fingerprintOf.put(comment.id(), conditions.fingerprint());
        }
        for (String key : conditions.quietKeys()) {
            quietKeys.merge(key, comment.createdAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    private void releaseFingerprint(CommentId id) {
        synchronized (conditions) {
            String fingerprint = fingerprintOf.remove(id);
            if (fingerprint != null) {
                fingerprints.remove(fingerprint);
            }
        }
    }

    /** Stands for the database round trip between a flawed store's read and its write: other threads run. */
    private static void roundTrip() {
        for (int i = 0; i < 10; i++) {
            Thread.yield();
        }
    }

    private static List<Comment> append(List<Comment> document, Comment comment) {
        requireNewLinkback(document, comment);
        List<Comment> appended = new ArrayList<>(document == null ? List.of() : document);
        appended.add(comment);
        return List.copyOf(appended);
    }

    private static void requireNewLinkback(List<Comment> document, Comment comment) {
        if (comment.linkback() == null || document == null) {
            return;
        }
        for (Comment other : document) {
            if (other.linkback() != null && other.linkback().sourceUrl().equals(comment.linkback().sourceUrl())) {
                throw new DuplicateLinkbackException(comment.thread(), comment.linkback().sourceUrl());
            }
        }
    }

    @Override
    public Optional<Comment> find(CommentId id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Comment update(Comment changed) {
        Objects.requireNonNull(changed, "changed");
        ThreadKey thread = threadOf.get(changed.id());
        if (thread == null) {
            throw new CommentNotFoundException(changed.id());
        }
        Comment[] written = new Comment[1];
        documents.compute(thread, (key, document) -> {
            List<Comment> replaced = new ArrayList<>(document == null ? List.of() : document);
            for (int i = 0; i < replaced.size(); i++) {
                Comment stored = replaced.get(i);
                if (stored.id().equals(changed.id())) {
                    stored.requireSameFixedFields(changed);
                    if (stored.version() != changed.version()) {
                        throw new VersionConflictException(changed.id(), changed.version(), stored.version());
                    }
                    written[0] = changed.toBuilder().version(changed.version() + 1).build();
                    if (written[0].status() == Status.DELETED || !written[0].text().equals(stored.text())) {
                        releaseFingerprint(changed.id());
                    }
                    replaced.set(i, written[0]);
                    byId.put(changed.id(), written[0]);
                    return List.copyOf(replaced);
                }
            }
            throw new CommentNotFoundException(changed.id());
        });
        return written[0];
    }

    @Override
    public boolean delete(CommentId id) {
        Objects.requireNonNull(id, "id");
        ThreadKey thread = threadOf.get(id);
        if (thread == null) {
            return false;
        }
        boolean[] removed = new boolean[1];
        documents.computeIfPresent(thread, (key, document) -> {
            List<Comment> kept = document.stream().filter(c -> !c.id().equals(id)).toList();
            removed[0] = kept.size() < document.size();
            if (removed[0]) {
                byId.remove(id);
            }
            return kept.isEmpty() ? null : kept;
        });
        if (removed[0]) {
            threadOf.remove(id, thread);
            releaseFingerprint(id);
        }
        return removed[0];
    }

    @Override
    public Page roots(ThreadKey thread, Set<Status> statuses, PageRequest request) {
        Objects.requireNonNull(thread, "thread");
        requireStatuses(statuses);
        Objects.requireNonNull(request, "request");
        return page(document(thread).filter(c -> c.isRoot() && statuses.contains(c.status())), request);
    }

    @Override
    public List<Comment> replies(Collection<CommentId> rootIds, Set<Status> statuses) {
        Objects.requireNonNull(rootIds, "rootIds");
        requireStatuses(statuses);
        if (rootIds.size() > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("too many root ids: " + rootIds.size());
        }
        Set<CommentId> roots = new HashSet<>();
        for (CommentId rootId : rootIds) {
            roots.add(Objects.requireNonNull(rootId, "root id"));
        }
        return everything()
                .filter(c -> !c.isRoot() && roots.contains(c.rootId()) && statuses.contains(c.status()))
                .sorted(ASCENDING)
                .toList();
    }

    @Override
    public StatusCounts counts(ThreadKey thread) {
        Objects.requireNonNull(thread, "thread");
        StatusCounts counts = StatusCounts.ZERO;
        for (Comment comment : document(thread).toList()) {
            counts = counts.plus(comment.status(), 1);
        }
        return counts;
    }

    @Override
    public Page queue(Set<Status> statuses, PageRequest request) {
        requireStatuses(statuses);
        Objects.requireNonNull(request, "request");
        return page(everything().filter(c -> statuses.contains(c.status())), request);
    }

    @Override
    public Page scan(PageRequest request) {
        Objects.requireNonNull(request, "request");
        return page(everything(), request);
    }

    @Override
    public Optional<Comment> findLinkback(ThreadKey thread, String sourceUrl) {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        return document(thread)
                .filter(c -> c.linkback() != null && c.linkback().sourceUrl().equals(sourceUrl))
                .findFirst();
    }

    private Stream<Comment> document(ThreadKey thread) {
        return documents.getOrDefault(thread, List.of()).stream();
    }

    private Stream<Comment> everything() {
        return documents.values().stream().flatMap(List::stream);
    }

    private static Page page(Stream<Comment> comments, PageRequest request) {
        Comparator<Comment> order = request.order() == Order.OLDEST_FIRST ? ASCENDING : ASCENDING.reversed();
        Cursor after = request.after();
        Stream<Comment> sorted = comments.sorted(order);
        if (after != null) {
            Comment probe = Comment.builder().id(after.id()).thread(ThreadKey.of("probe"))
                    .author(dev.parley.storage.Author.named("probe")).createdAt(after.createdAt()).build();
            sorted = sorted.filter(c -> order.compare(c, probe) > 0);
        }
        return Page.of(sorted.limit(request.limit()).toList(), request);
    }

    private static void requireStatuses(Set<Status> statuses) {
        Objects.requireNonNull(statuses, "statuses");
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses must not be empty");
        }
    }
}
