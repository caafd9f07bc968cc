package dev.parley.storage.memory;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentNotFoundException;
import dev.parley.storage.CommentSearch;
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
import dev.parley.storage.ThreadState;
import dev.parley.storage.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embedded default {@link CommentStore}: every comment in memory, indexed like a database would index it.
 *
 * <p><b>Cost.</b> A page of roots costs O(limit · log n) and the replies of a page of roots O(replies · log n),
 * whatever the thread size: roots are indexed by (thread, status) and replies by root id, each index sorted
 * by (created at, id); so are the comments of each e-mail address ({@link #byEmail}) and those that still carry
 * client data ({@link #clearClientData}). Counts and each thread's change stamp ({@link #state}) are maintained on write and cost O(1).
 *
 * <p><b>Thread-safety.</b> Safe for any number of concurrent readers and writers: reads share a lock, writes
 * take it exclusively, so every method is atomic and every page is read from one consistent state. Comments
 * are immutable records, so nothing mutable crosses the store's boundary in either direction.
 *
 * <p><b>Insert conditions.</b> {@link #insert(Comment, InsertConditions)} checks fingerprints and quiet keys
 * and inserts under the write lock, so duplicate and flood rules hold for every thread of this JVM (the only
 * place this store's comments exist).
 *
 * <p>Nothing survives the JVM: this store is for tests, demos and hosts whose comments live elsewhere.
 */
public final class InMemoryCommentStore implements CommentStore {

    /** How many conditional inserts pass between two sweeps of quiet keys no condition can refuse any more. */
    private static final int PRUNE_EVERY = 1024;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    private final Map<CommentId, Comment> byId = new HashMap<>();
    private final Map<ThreadKey, Map<Status, NavigableMap<Key, Comment>>> rootsByThread = new HashMap<>();
    private final Map<CommentId, NavigableMap<Key, Comment>> repliesByRoot = new HashMap<>();
    private final Map<CommentId, StatusCounts> replyCountsByRoot = new HashMap<>();
    private final Map<ThreadKey, StatusCounts> countsByThread = new HashMap<>();
    private final Map<ThreadKey, Long> versionByThread = new HashMap<>();
    private final Map<Status, NavigableMap<Key, Comment>> byStatus = new EnumMap<>(Status.class);
    private final NavigableMap<Key, Comment> all = new TreeMap<>();
    private final Map<String, NavigableMap<Key, Comment>> byEmail = new HashMap<>();
    /** The comments that still carry an IP address or a User-Agent: what retention clears, oldest first. */
    private final NavigableMap<Key, Comment> withClientData = new TreeMap<>();
    private final Map<LinkbackKey, CommentId> linkbacks = new HashMap<>();
    private final Map<String, CommentId> fingerprints = new HashMap<>();
    private final Map<CommentId, String> fingerprintOf = new HashMap<>();
    private final Map<String, Instant> quietKeys = new HashMap<>();
    private int insertsSincePrune;

    /** Creates an empty store. */
    public InMemoryCommentStore() {
        for (Status status : Status.values()) {
            byStatus.put(status, new TreeMap<>());
        }
    }

    @Override
    public void insert(Comment comment) {
        Objects.requireNonNull(comment, "comment must not be null");
        lock.writeLock().lock();
        try {
            insertLocked(comment);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Checks the conditions and inserts under the write lock, so the two are one atomic step. */
    @Override
    public InsertResult insert(Comment comment, InsertConditions conditions) {
        Objects.requireNonNull(comment, "comment must not be null");
        Objects.requireNonNull(conditions, "conditions must not be null");
        lock.writeLock().lock();
        try {
            String fingerprint = conditions.fingerprint();
            if (fingerprint != null && fingerprints.containsKey(fingerprint)) {
                return new InsertResult.Duplicate(fingerprints.get(fingerprint));
            }
            for (String key : conditions.quietKeys()) {
                Instant lastUsed = quietKeys.get(key);
                if (lastUsed != null && lastUsed.isAfter(conditions.quietSince())) {
                    return new InsertResult.TooSoon(key, lastUsed);
                }
            }
            insertLocked(comment);
            if (fingerprint != null) {
                fingerprints.put(fingerprint, comment.id());
                fingerprintOf.put(comment.id(), fingerprint);
            }
            for (String key : conditions.quietKeys()) {
                quietKeys.merge(key, comment.createdAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
            if (!conditions.quietKeys().isEmpty() && ++insertsSincePrune >= PRUNE_EVERY) {
                insertsSincePrune = 0;
                Instant since = conditions.quietSince();
                quietKeys.values().removeIf(lastUsed -> !lastUsed.isAfter(since));
            }
            return new InsertResult.Inserted();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean supportsInsertConditions() {
        return true;
    }

    /**
     * Checks the whole batch and then inserts it, both under the write lock: no reader ever sees part of it,
     * and a refused batch changes nothing. The refusal is the one the first comment that {@link #insert(Comment)}
     * would refuse gets, inserting them in list order.
     */
    @Override
    public void insertAll(List<Comment> comments) {
        Objects.requireNonNull(comments, "comments must not be null");
        if (comments.size() > MAX_BATCH) {
            throw new IllegalArgumentException(
                    "comments must hold at most " + MAX_BATCH + " comments, had " + comments.size());
        }
        List<Comment> batch = new ArrayList<>(comments.size());
        for (Comment comment : comments) {
            batch.add(Objects.requireNonNull(comment, "comments must not contain null"));
        }
        lock.writeLock().lock();
        try {
            Set<CommentId> ids = new HashSet<>();
            Set<LinkbackKey> linkbackKeys = new HashSet<>();
            for (Comment comment : batch) {
                if (byId.containsKey(comment.id()) || !ids.add(comment.id())) {
                    throw new DuplicateCommentException(comment.id());
                }
                LinkbackKey linkbackKey = LinkbackKey.of(comment);
                if (linkbackKey != null && (linkbacks.containsKey(linkbackKey) || !linkbackKeys.add(linkbackKey))) {
                    throw new DuplicateLinkbackException(comment.thread(), comment.linkback().sourceUrl());
                }
            }
            for (Comment comment : batch) {
                insertLocked(comment);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void insertLocked(Comment comment) {
        if (byId.containsKey(comment.id())) {
            throw new DuplicateCommentException(comment.id());
        }
        LinkbackKey linkbackKey = LinkbackKey.of(comment);
        if (linkbackKey != null && linkbacks.containsKey(linkbackKey)) {
            throw new DuplicateLinkbackException(comment.thread(), comment.linkback().sourceUrl());
        }
        byId.put(comment.id(), comment);
        if (linkbackKey != null) {
            linkbacks.put(linkbackKey, comment.id());
        }
        all.put(Key.of(comment), comment);
        index(comment);
        bump(comment.thread());
    }

    /** Moves a thread's change stamp on; called under the write lock with every write of its comments. */
    private void bump(ThreadKey thread) {
        versionByThread.merge(thread, 1L, Long::sum);
    }

    /** Lets go of the comment's fingerprint, for good: it is deleted or its text changed. */
    private void releaseFingerprint(CommentId id) {
        String fingerprint = fingerprintOf.remove(id);
        if (fingerprint != null) {
            fingerprints.remove(fingerprint);
        }
    }

    @Override
    public Optional<Comment> find(CommentId id) {
        Objects.requireNonNull(id, "id must not be null");
        lock.readLock().lock();
        try {
            return Optional.ofNullable(byId.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Comment update(Comment changed) {
        Objects.requireNonNull(changed, "changed must not be null");
        lock.writeLock().lock();
        try {
            Comment stored = byId.get(changed.id());
            if (stored == null) {
                throw new CommentNotFoundException(changed.id());
            }
            stored.requireSameFixedFields(changed);
            if (stored.version() != changed.version()) {
                throw new VersionConflictException(changed.id(), changed.version(), stored.version());
            }
            Comment written = changed.toBuilder().version(changed.version() + 1).build();
            if (written.status() == Status.DELETED || !written.text().equals(stored.text())) {
                releaseFingerprint(written.id());
            }
            unindex(stored);
            byId.put(written.id(), written);
            all.put(Key.of(written), written);
            index(written);
            bump(written.thread());
            return written;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean delete(CommentId id) {
        Objects.requireNonNull(id, "id must not be null");
        lock.writeLock().lock();
        try {
            Comment stored = byId.remove(id);
            if (stored == null) {
                return false;
            }
            releaseFingerprint(id);
            LinkbackKey linkbackKey = LinkbackKey.of(stored);
            if (linkbackKey != null) {
                linkbacks.remove(linkbackKey);
            }
            all.remove(Key.of(stored));
            unindex(stored);
            bump(stored.thread());
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Page roots(ThreadKey thread, Set<Status> statuses, PageRequest request) {
        Objects.requireNonNull(thread, "thread must not be null");
        requireStatuses(statuses);
        Objects.requireNonNull(request, "request must not be null");
        lock.readLock().lock();
        try {
            Map<Status, NavigableMap<Key, Comment>> roots = rootsByThread.get(thread);
            if (roots == null) {
                return Page.of(List.of(), request);
            }
            List<NavigableMap<Key, Comment>> sources = new ArrayList<>(statuses.size());
            for (Status status : statuses) {
                NavigableMap<Key, Comment> index = roots.get(status);
                if (index != null) {
                    sources.add(index);
                }
            }
            return Page.of(merge(sources, request), request);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<Comment> replies(Collection<CommentId> rootIds, Set<Status> statuses) {
        Objects.requireNonNull(rootIds, "root ids must not be null");
        requireStatuses(statuses);
        if (rootIds.size() > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "root ids must hold at most " + PageRequest.MAX_LIMIT + " ids, had " + rootIds.size());
        }
        lock.readLock().lock();
        try {
            List<Comment> replies = new ArrayList<>();
            for (CommentId rootId : new LinkedHashSet<>(rootIds)) {
                Objects.requireNonNull(rootId, "root ids must not contain null");
                NavigableMap<Key, Comment> subtree = repliesByRoot.get(rootId);
                if (subtree == null) {
                    continue;
                }
                for (Comment reply : subtree.values()) {
                    if (statuses.contains(reply.status())) {
                        replies.add(reply);
                    }
                }
            }
            replies.sort(Key.ASCENDING_COMMENTS);
            return List.copyOf(replies);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public StatusCounts counts(ThreadKey thread) {
        Objects.requireNonNull(thread, "thread must not be null");
        lock.readLock().lock();
        try {
            return countsByThread.getOrDefault(thread, StatusCounts.ZERO);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Kept on every write under the write lock; a purged thread keeps its stamp, so it never repeats. */
    @Override
    public boolean supportsThreadState() {
        return true;
    }

    @Override
    public ThreadState state(ThreadKey thread) {
        Objects.requireNonNull(thread, "thread must not be null");
        lock.readLock().lock();
        try {
            return new ThreadState(thread, versionByThread.getOrDefault(thread, 0L),
                    countsByThread.getOrDefault(thread, StatusCounts.ZERO));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Reads the root's sorted replies from the cursor on: O(limit · log n), whatever the subtree's size. */
    @Override
    public Page replyPage(CommentId rootId, Set<Status> statuses, PageRequest request) {
        Objects.requireNonNull(rootId, "rootId must not be null");
        requireStatuses(statuses);
        Objects.requireNonNull(request, "request must not be null");
        lock.readLock().lock();
        try {
            NavigableMap<Key, Comment> subtree = repliesByRoot.get(rootId);
            if (subtree == null) {
                return Page.of(List.of(), request);
            }
            NavigableMap<Key, Comment> ordered =
                    request.order() == Order.OLDEST_FIRST ? subtree : subtree.descendingMap();
            if (request.after() != null) {
                ordered = ordered.tailMap(new Key(request.after().createdAt(), request.after().id()), false);
            }
            List<Comment> items = new ArrayList<>(Math.min(request.limit(), subtree.size()));
            for (Comment reply : ordered.values()) {
                if (statuses.contains(reply.status())) {
                    items.add(reply);
                    if (items.size() == request.limit()) {
                        break;
                    }
                }
            }
            return Page.of(items, request);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every root's page under one read lock, so all pages come from one state. */
    @Override
    public Map<CommentId, Page> firstReplies(Collection<CommentId> rootIds, Set<Status> statuses, int limitPerRoot) {
        Objects.requireNonNull(rootIds, "rootIds must not be null");
        requireStatuses(statuses);
        if (limitPerRoot < 1 || limitPerRoot > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limitPerRoot must be between 1 and " + PageRequest.MAX_LIMIT + ", was " + limitPerRoot);
        }
        requireAtMostMaxLimit(rootIds.size(), "rootIds");
        PageRequest first = PageRequest.first(Order.OLDEST_FIRST, limitPerRoot);
        Map<CommentId, Page> pages = new LinkedHashMap<>();
        lock.readLock().lock();
        try {
            for (CommentId rootId : rootIds) {
                Objects.requireNonNull(rootId, "rootIds must not contain null");
                if (!pages.containsKey(rootId)) {
                    pages.put(rootId, replyPage(rootId, statuses, first));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return pages;
    }

    /** O(1) per root: each root's reply counts are kept on write. */
    @Override
    public Map<CommentId, StatusCounts> replyCounts(Collection<CommentId> rootIds) {
        Objects.requireNonNull(rootIds, "rootIds must not be null");
        requireAtMostMaxLimit(rootIds.size(), "rootIds");
        Map<CommentId, StatusCounts> counts = new LinkedHashMap<>();
        lock.readLock().lock();
        try {
            for (CommentId rootId : rootIds) {
                Objects.requireNonNull(rootId, "rootIds must not contain null");
                counts.put(rootId, replyCountsByRoot.getOrDefault(rootId, StatusCounts.ZERO));
            }
        } finally {
            lock.readLock().unlock();
        }
        return counts;
    }

    private static void requireAtMostMaxLimit(int size, String name) {
        if (size > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    name + " must hold at most " + PageRequest.MAX_LIMIT + " elements, had " + size);
        }
    }

    @Override
    public Page queue(Set<Status> statuses, PageRequest request) {
        requireStatuses(statuses);
        Objects.requireNonNull(request, "request must not be null");
        lock.readLock().lock();
        try {
            List<NavigableMap<Key, Comment>> sources = new ArrayList<>(statuses.size());
            for (Status status : statuses) {
                sources.add(byStatus.get(status));
            }
            return Page.of(merge(sources, request), request);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Page search(CommentSearch search, PageRequest request) {
        Objects.requireNonNull(search, "search must not be null");
        Objects.requireNonNull(request, "request must not be null");
        lock.readLock().lock();
        try {
            List<NavigableMap<Key, Comment>> sources = new ArrayList<>(search.statuses().size());
            for (Status status : search.statuses()) {
                sources.add(byStatus.get(status));
            }
            return Page.of(merge(sources, request, search::matches), request);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Page scan(PageRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        lock.readLock().lock();
        try {
            return Page.of(merge(List.of(all), request), request);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Reads the address's sorted index from the cursor on: O(limit · log n), whatever the store's size. */
    @Override
    public Page byEmail(String email, PageRequest request) {
        String normalized = Author.normalizeEmail(email);
        Objects.requireNonNull(request, "request must not be null");
        lock.readLock().lock();
        try {
            NavigableMap<Key, Comment> ofAddress = byEmail.get(normalized);
            return Page.of(ofAddress == null ? List.of() : merge(List.of(ofAddress), request), request);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Takes the oldest comments from the index of those that still carry client data, under the write lock:
     * O(limit · log n), whatever the store's size, and atomic like {@link #update(Comment)}.
     */
    @Override
    public int clearClientData(Instant createdBefore, int limit) {
        Objects.requireNonNull(createdBefore, "createdBefore must not be null");
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_BATCH + ", was " + limit);
        }
        lock.writeLock().lock();
        try {
            int cleared = 0;
            while (cleared < limit && !withClientData.isEmpty()) {
                Comment stored = withClientData.firstEntry().getValue();
                if (!stored.createdAt().isBefore(createdBefore)) {
                    break;
                }
                Comment written = stored.toBuilder().author(stored.author().withClient(null, null))
                        .version(stored.version() + 1).build();
                unindex(stored);
                byId.put(written.id(), written);
                all.put(Key.of(written), written);
                index(written);
                bump(written.thread());
                cleared++;
            }
            return cleared;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static boolean hasClientData(Comment comment) {
        return comment.author().ip() != null || comment.author().userAgent() != null;
    }

    @Override
    public Optional<Comment> findLinkback(ThreadKey thread, String sourceUrl) {
        Objects.requireNonNull(thread, "thread must not be null");
        Objects.requireNonNull(sourceUrl, "source url must not be null");
        lock.readLock().lock();
        try {
            CommentId id = linkbacks.get(new LinkbackKey(thread, sourceUrl));
            return id == null ? Optional.empty() : Optional.of(byId.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    private void index(Comment comment) {
        Key key = Key.of(comment);
        if (comment.isRoot()) {
            rootsByThread.computeIfAbsent(comment.thread(), t -> new EnumMap<>(Status.class))
                    .computeIfAbsent(comment.status(), s -> new TreeMap<>())
                    .put(key, comment);
        } else {
            repliesByRoot.computeIfAbsent(comment.rootId(), r -> new TreeMap<>()).put(key, comment);
            replyCountsByRoot.merge(comment.rootId(), StatusCounts.ZERO.plus(comment.status(), 1),
                    (a, b) -> a.plus(comment.status(), 1));
        }
        byStatus.get(comment.status()).put(key, comment);
        String email = comment.author().email();
        if (email != null) {
            byEmail.computeIfAbsent(Author.normalizeEmail(email), e -> new TreeMap<>()).put(key, comment);
        }
        if (hasClientData(comment)) {
            withClientData.put(key, comment);
        }
        countsByThread.merge(comment.thread(), StatusCounts.ZERO.plus(comment.status(), 1),
                (a, b) -> a.plus(comment.status(), 1));
    }

    private void unindex(Comment comment) {
        Key key = Key.of(comment);
        if (comment.isRoot()) {
            Map<Status, NavigableMap<Key, Comment>> roots = rootsByThread.get(comment.thread());
            NavigableMap<Key, Comment> index = roots.get(comment.status());
            index.remove(key);
            if (index.isEmpty()) {
                roots.remove(comment.status());
                if (roots.isEmpty()) {
                    rootsByThread.remove(comment.thread());
                }
            }
        } else {
            NavigableMap<Key, Comment> subtree = repliesByRoot.get(comment.rootId());
            subtree.remove(key);
            if (subtree.isEmpty()) {
                repliesByRoot.remove(comment.rootId());
                replyCountsByRoot.remove(comment.rootId());
            } else {
                replyCountsByRoot.put(comment.rootId(),
                        replyCountsByRoot.get(comment.rootId()).plus(comment.status(), -1));
            }
        }
        byStatus.get(comment.status()).remove(key);
        String email = comment.author().email();
        if (email != null) {
            String normalized = Author.normalizeEmail(email);
            NavigableMap<Key, Comment> ofAddress = byEmail.get(normalized);
            ofAddress.remove(key);
            if (ofAddress.isEmpty()) {
                byEmail.remove(normalized);
            }
        }
        withClientData.remove(key);
        StatusCounts counts = countsByThread.get(comment.thread()).plus(comment.status(), -1);
        if (counts.total() == 0) {
            countsByThread.remove(comment.thread());
        } else {
            countsByThread.put(comment.thread(), counts);
        }
    }

    /** Reads up to {@code limit} entries after the cursor from each sorted source and merges them in order. */
    private static List<Comment> merge(List<NavigableMap<Key, Comment>> sources, PageRequest request) {
        return merge(sources, request, comment -> true);
    }

    /** Up to a page of the comments that pass {@code keep}, from each source in order, merged. */
    private static List<Comment> merge(List<NavigableMap<Key, Comment>> sources, PageRequest request,
            java.util.function.Predicate<Comment> keep) {
        boolean ascending = request.order() == Order.OLDEST_FIRST;
        Cursor after = request.after();
        List<Comment> merged = new ArrayList<>();
        for (NavigableMap<Key, Comment> source : sources) {
            NavigableMap<Key, Comment> view = ascending ? source : source.descendingMap();
            if (after != null) {
                view = view.tailMap(new Key(after.createdAt(), after.id()), false);
            }
            int taken = 0;
            for (Comment comment : view.values()) {
                if (taken == request.limit()) {
                    break;
                }
                if (keep.test(comment)) {
                    taken++;
                    merged.add(comment);
                }
            }
        }
        if (sources.size() > 1) {
            merged.sort(ascending ? Key.ASCENDING_COMMENTS : Key.ASCENDING_COMMENTS.reversed());
        }
        return merged.size() > request.limit() ? merged.subList(0, request.limit()) : merged;
    }

    private static void requireStatuses(Set<Status> statuses) {
        Objects.requireNonNull(statuses, "statuses must not be null");
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses must not be empty");
        }
    }

    /** The sort key of every index: (created at, id), ids in binary order. */
    private record Key(Instant createdAt, CommentId id) implements Comparable<Key> {

        static final java.util.Comparator<Comment> ASCENDING_COMMENTS =
                java.util.Comparator.comparing(Comment::createdAt).thenComparing(Comment::id);

        static Key of(Comment comment) {
            return new Key(comment.createdAt(), comment.id());
        }

        @Override
        public int compareTo(Key other) {
            int byTime = createdAt.compareTo(other.createdAt);
            return byTime != 0 ? byTime : id.compareTo(other.id);
        }
    }

    private record LinkbackKey(ThreadKey thread, String sourceUrl) {

        static LinkbackKey of(Comment comment) {
            return comment.linkback() == null ? null : new LinkbackKey(comment.thread(), comment.linkback().sourceUrl());
        }
    }
}
