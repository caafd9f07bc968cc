package dev.parley.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where Parley keeps comments: the storage SPI a host implements (or takes {@link
 * dev.parley.storage.memory.InMemoryCommentStore}, the embedded default).
 *
 * <p>The SPI is narrow and holds no business rule: the engine decides what to store, a store keeps it and
 * answers a few indexed queries. Every rule below is checked by {@code CommentStoreContract} in
 * {@code parley-storage-tck}; a store that passes it works with the engine.
 *
 * <h2>Rules every method follows</h2>
 * <ul>
 *   <li><b>Thread-safety.</b> An implementation is safe for concurrent use by any number of threads. Each
 *       method is atomic on its own; a page read sees a consistent state of the comments it returns.</li>
 *   <li><b>Values.</b> Comments go in and come out as immutable {@link Comment} records; what is read back
 *       {@code equals} what was written (with the version a store assigns on update).</li>
 *   <li><b>Order.</b> Every ordered result is ordered by (created at, id), ids compared in binary order,
 *       both keys in the same direction. Keyset pages continue strictly after their {@link Cursor}, so they
 *       neither skip nor repeat a comment while comments are inserted, updated or deleted between reads.</li>
 *   <li><b>Arguments.</b> Null arguments, empty status sets and other misuse throw
 *       {@link NullPointerException} or {@link IllegalArgumentException}; nothing is stored then.</li>
 *   <li><b>Failures.</b> Everything else a store throws is a {@link StoreException}: its subtypes for a
 *       refused write ({@link DuplicateCommentException}, {@link DuplicateLinkbackException},
 *       {@link VersionConflictException}, {@link CommentNotFoundException}), the type itself for a storage
 *       failure, with the cause attached.</li>
 * </ul>
 *
 * <p>New capabilities arrive as {@code default} methods with a correct, possibly slower, fallback built on
 * the abstract ones, so an existing store keeps compiling and working.
 */
public interface CommentStore {

    /**
     * Stores a new comment as given, version included.
     *
     * <p>The store does not check the tree (that the parent exists, or that root id and depth agree with
     * it): the engine does. It does check identity: the id is unique in the store, and a linkback's
     * (thread, source URL) is unique in the store, atomically, so of several concurrent inserts of the same
     * linkback exactly one succeeds.
     *
     * @param comment the comment
     * @throws DuplicateCommentException if a comment with the same id is stored; nothing changes
     * @throws DuplicateLinkbackException if the comment is a linkback and its thread already holds one from
     *     the same source URL; nothing changes
     * @throws StoreException if storage fails
     */
    void insert(Comment comment);

    /**
     * The most comments one {@link #insertAll(List)} call takes.
     */
    int MAX_BATCH = 1_000;

    /**
     * Stores several new comments as {@link #insert(Comment)} does, all or none: the bulk write of an import or a
     * restore. Either every comment is stored, or the call throws and none of them is.
     *
     * <p>A database store writes the batch in one transaction, which costs one commit instead of one per
     * comment. The default inserts the comments one by one and, when one is refused, deletes those it had
     * inserted before rethrowing: all or none in the end, though a concurrent reader may glimpse part of the
     * batch meanwhile. A store that can do better overrides it.
     *
     * @param comments the comments, at most {@value #MAX_BATCH}; an empty list does nothing
     * @throws DuplicateCommentException if a comment's id is stored already or repeats in the batch; nothing is
     *     stored
     * @throws DuplicateLinkbackException if a linkback's (thread, source URL) is stored already or repeats in the
     *     batch; nothing is stored
     * @throws IllegalArgumentException if there are more than {@value #MAX_BATCH} comments
     * @throws StoreException if storage fails; then nothing of the batch is stored
     */
    default void insertAll(List<Comment> comments) {
        Objects.requireNonNull(comments, "comments must not be null");
        if (comments.size() > MAX_BATCH) {
            throw new IllegalArgumentException(
                    "comments must hold at most " + MAX_BATCH + " comments, had " + comments.size());
        }
        for (Comment comment : comments) {
            Objects.requireNonNull(comment, "comments must not contain null");
        }
        List<CommentId> inserted = new ArrayList<>(comments.size());
        try {
            for (Comment comment : comments) {
                insert(comment);
                inserted.add(comment.id());
            }
        } catch (RuntimeException e) {
            for (CommentId id : inserted) {
                try {
                    delete(id);
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
    }

    /**
     * Stores a new comment as {@link #insert(Comment)} does if, and only if, {@code conditions} hold at that
     * moment: the check and the insert are one atomic step, whatever else runs concurrently on this store or
     * on other instances sharing its database. Of several concurrent inserts with the same fingerprint, exactly
     * one is stored; of several with a shared quiet key, exactly one is stored within a quiet interval. See
     * {@link InsertConditions} for what each condition means and how long a fingerprint is held.
     *
     * <p>With {@link InsertConditions#NONE} it behaves exactly like {@link #insert(Comment)}. The default does
     * just that and throws {@link UnsupportedOperationException} for any other condition: a store that can
     * enforce them overrides this method and {@link #supportsInsertConditions()}.
     *
     * @param comment the comment
     * @param conditions what must hold
     * @return {@link InsertResult.Inserted}, or the refusal; when refused nothing changes. When both a held
     *     fingerprint and a used quiet key would refuse, the refusal is {@link InsertResult.Duplicate}
     * @throws DuplicateCommentException if a comment with the same id is stored; nothing changes
     * @throws DuplicateLinkbackException as for {@link #insert(Comment)}; nothing changes
     * @throws UnsupportedOperationException if conditions are given and {@link #supportsInsertConditions()} is
     *     false
     * @throws StoreException if storage fails
     */
    default InsertResult insert(Comment comment, InsertConditions conditions) {
        Objects.requireNonNull(comment, "comment must not be null");
        Objects.requireNonNull(conditions, "conditions must not be null");
        if (!conditions.isEmpty()) {
            throw new UnsupportedOperationException(getClass().getName()
                    + " does not enforce insert conditions (fingerprints and quiet keys)");
        }
        insert(comment);
        return new InsertResult.Inserted();
    }

    /**
     * Tells whether {@link #insert(Comment, InsertConditions)} enforces conditions. The engine then leaves its
     * duplicate and flood rules to the store; otherwise it can only serialize posting within its own JVM,
     * which does not hold across several application instances.
     *
     * <p>The default is false.
     *
     * @return true if conditional inserts are supported
     */
    default boolean supportsInsertConditions() {
        return false;
    }

    /**
     * Reads one comment, whatever its status.
     *
     * @param id the id
     * @return the comment, or empty if none is stored with that id
     * @throws StoreException if storage fails
     */
    Optional<Comment> find(CommentId id);

    /**
     * Reads several comments at once, whatever their status.
     *
     * <p>The default reads them one by one with {@link #find(CommentId)}.
     *
     * @param ids the ids; duplicates are read once
     * @return the comments found, keyed by id, in the iteration order of {@code ids}; ids not stored are
     *     absent
     * @throws StoreException if storage fails
     */
    default Map<CommentId, Comment> findAll(Collection<CommentId> ids) {
        Objects.requireNonNull(ids, "ids must not be null");
        Map<CommentId, Comment> found = new LinkedHashMap<>();
        for (CommentId id : ids) {
            Objects.requireNonNull(id, "ids must not contain null");
            if (!found.containsKey(id)) {
                find(id).ifPresent(c -> found.put(id, c));
            }
        }
        return found;
    }

    /**
     * Replaces a stored comment if it has not changed since it was read: compare-and-set on
     * {@link Comment#version()}.
     *
     * <p>{@code changed.version()} must equal the stored version; the store then writes {@code changed} with
     * the version plus one and returns what it wrote. Id, thread, parent id, root id, depth, in-reply-to id,
     * kind, the linkback's source URL and the creation time are fixed at insert and must be unchanged; every
     * other component may change.
     *
     * @param changed the new state, carrying the version it was read at
     * @return the stored comment, with version {@code changed.version() + 1}
     * @throws CommentNotFoundException if no comment with that id is stored
     * @throws VersionConflictException if the stored version differs from {@code changed.version()}; nothing
     *     changes
     * @throws IllegalArgumentException if a component fixed at insert differs; nothing changes
     * @throws StoreException if storage fails
     */
    Comment update(Comment changed);

    /**
     * Removes a comment from storage for good (the engine's "purge"; a moderator's delete is a status
     * update). Idempotent. Replies of the comment are not touched.
     *
     * @param id the id
     * @return true if a comment was removed, false if none was stored
     * @throws StoreException if storage fails
     */
    boolean delete(CommentId id);

    /**
     * Reads a page of the root comments of a thread whose status is in {@code statuses}.
     *
     * @param thread the thread
     * @param statuses the statuses to include, not empty
     * @param request order, cursor and limit
     * @return the page, in the requested order; empty for a thread with no such roots
     * @throws StoreException if storage fails
     */
    Page roots(ThreadKey thread, Set<Status> statuses, PageRequest request);

    /**
     * Reads every reply, at any depth, under the given roots whose status is in {@code statuses}.
     *
     * <p>One indexed read for a page of roots, whatever the thread size: replies are found by
     * {@link Comment#rootId()}. The roots themselves are not included. The caller assembles the tree; a reply
     * whose parent is not included (another status) is still returned.
     *
     * @param rootIds the roots, at most {@value PageRequest#MAX_LIMIT}; ids not stored, or not roots, add
     *     nothing
     * @param statuses the statuses to include, not empty
     * @return the replies, oldest first: ascending (created at, id)
     * @throws IllegalArgumentException if there are more than {@value PageRequest#MAX_LIMIT} root ids
     * @throws StoreException if storage fails
     */
    List<Comment> replies(Collection<CommentId> rootIds, Set<Status> statuses);

    /**
     * Reads a page of the replies, at any depth, under one root whose status is in {@code statuses}: the
     * bounded read behind a page's "N more replies" link. Keyset-paged like {@link #roots}: the page continues
     * strictly after {@code request.after()} in {@code request.order()} (oldest first on a thread page), and
     * its next cursor is set when it is full, as {@link Page#of} sets it.
     *
     * <p>The root itself is not included. A reply whose parent is on an earlier page, or has another status,
     * is still returned: the caller places it.
     *
     * <p>The default reads every reply of the root with {@link #replies(Collection, Set)} and keeps the page:
     * correct, but its cost grows with the subtree. A database store answers with one indexed range read.
     *
     * @param rootId the root; an id not stored, or not a root, gives an empty page
     * @param statuses the statuses to include, not empty
     * @param request order, cursor and limit
     * @return the page, in the requested order
     * @throws StoreException if storage fails
     */
    default Page replyPage(CommentId rootId, Set<Status> statuses, PageRequest request) {
        Objects.requireNonNull(rootId, "rootId must not be null");
        Check.statuses(statuses);
        Objects.requireNonNull(request, "request must not be null");
        List<Comment> all = new ArrayList<>(replies(List.of(rootId), statuses));
        if (request.order() == Order.NEWEST_FIRST) {
            java.util.Collections.reverse(all);
        }
        List<Comment> items = new ArrayList<>(request.limit());
        for (Comment reply : all) {
            if (request.after() == null || Cursor.follows(reply, request.after(), request.order())) {
                items.add(reply);
                if (items.size() == request.limit()) {
                    break;
                }
            }
        }
        return Page.of(items, request);
    }

    /**
     * Reads the first page of replies under each of several roots, at most {@code limitPerRoot} each, in one
     * call: the replies a thread page shows before its "N more replies" links. Each root's page is what
     * {@link #replyPage} returns for {@code PageRequest.first(Order.OLDEST_FIRST, limitPerRoot)}.
     *
     * <p>The default calls {@link #replyPage} once per root; a database store answers with one query.
     *
     * @param rootIds the roots, at most {@value PageRequest#MAX_LIMIT}; duplicates are read once
     * @param statuses the statuses to include, not empty
     * @param limitPerRoot the most replies per root, 1 to {@value PageRequest#MAX_LIMIT}
     * @return a page for every root asked for, in the iteration order of {@code rootIds}; empty for ids not
     *     stored or not roots
     * @throws IllegalArgumentException if there are more than {@value PageRequest#MAX_LIMIT} root ids
     * @throws StoreException if storage fails
     */
    default Map<CommentId, Page> firstReplies(Collection<CommentId> rootIds, Set<Status> statuses, int limitPerRoot) {
        Objects.requireNonNull(rootIds, "rootIds must not be null");
        Check.statuses(statuses);
        Check.positive(limitPerRoot, "limitPerRoot", PageRequest.MAX_LIMIT);
        Check.atMost(rootIds.size(), "rootIds", PageRequest.MAX_LIMIT);
        PageRequest first = PageRequest.first(Order.OLDEST_FIRST, limitPerRoot);
        Map<CommentId, Page> pages = new LinkedHashMap<>();
        for (CommentId rootId : rootIds) {
            Objects.requireNonNull(rootId, "rootIds must not contain null");
            if (!pages.containsKey(rootId)) {
                pages.put(rootId, replyPage(rootId, statuses, first));
            }
        }
        return pages;
    }

    /**
     * Counts the replies, at any depth, under each of several roots by status, in one call: what "N more
     * replies" is computed from.
     *
     * <p>The default reads every reply of the roots; a database store answers with one grouped read of an
     * index.
     *
     * @param rootIds the roots, at most {@value PageRequest#MAX_LIMIT}; duplicates are counted once
     * @return counts for every root asked for, in the iteration order of {@code rootIds};
     *     {@link StatusCounts#ZERO} for ids not stored, not roots, or without replies
     * @throws IllegalArgumentException if there are more than {@value PageRequest#MAX_LIMIT} root ids
     * @throws StoreException if storage fails
     */
    default Map<CommentId, StatusCounts> replyCounts(Collection<CommentId> rootIds) {
        Objects.requireNonNull(rootIds, "rootIds must not be null");
        Check.atMost(rootIds.size(), "rootIds", PageRequest.MAX_LIMIT);
        Map<CommentId, Map<Status, Long>> byRoot = new LinkedHashMap<>();
        for (CommentId rootId : rootIds) {
            Objects.requireNonNull(rootId, "rootIds must not contain null");
            byRoot.putIfAbsent(rootId, new java.util.EnumMap<>(Status.class));
        }
        if (!byRoot.isEmpty()) {
            for (Comment reply : replies(byRoot.keySet(), java.util.EnumSet.allOf(Status.class))) {
                Map<Status, Long> counts = byRoot.get(reply.rootId());
                if (counts != null) {
                    counts.merge(reply.status(), 1L, Long::sum);
                }
            }
        }
        Map<CommentId, StatusCounts> counts = new LinkedHashMap<>();
        byRoot.forEach((id, byStatus) -> counts.put(id, StatusCounts.of(byStatus)));
        return counts;
    }

    /**
     * Tells whether {@link #state(ThreadKey)} and {@link #states(Collection)} are supported: whether this store
     * keeps a change stamp per thread. The engine caches renders of a thread only then.
     *
     * <p>The default is false.
     *
     * @return true if thread states are kept
     */
    default boolean supportsThreadState() {
        return false;
    }

    /**
     * Reads a thread's change stamp and counts in one indexed read (see {@link ThreadState}): the one read a
     * cached page needs to learn whether anything changed.
     *
     * <p>A store keeps one row per thread that every write of a comment of the thread updates in the same
     * transaction: the version increased, the counts moved. A batch insert raises the version of each thread it
     * writes to at least once. A refused write (one that throws, such as a duplicate or a version conflict, or a
     * conditional insert that returns a refusal) and a delete of a comment not stored change nothing, so they
     * leave the state as it was; reads never change it. There is no correct fallback built on the other
     * methods (a stamp must never repeat), so the default throws; a store that keeps the row overrides this,
     * {@link #states(Collection)} if it can batch, and {@link #supportsThreadState()}.
     *
     * @param thread the thread
     * @return the state; {@link ThreadState#empty(ThreadKey)} for a thread no comment was ever written to
     * @throws UnsupportedOperationException if {@link #supportsThreadState()} is false
     * @throws StoreException if storage fails
     */
    default ThreadState state(ThreadKey thread) {
        Objects.requireNonNull(thread, "thread must not be null");
        throw new UnsupportedOperationException(getClass().getName() + " keeps no thread state (version and counts)");
    }

    /**
     * Reads the states of several threads in one call: the "N comments" links of an index page.
     *
     * <p>The default calls {@link #state(ThreadKey)} once per thread; a database store answers with one read.
     *
     * @param threads the threads, at most {@value PageRequest#MAX_LIMIT}; duplicates are read once
     * @return a state for every thread asked for, in the iteration order of {@code threads}
     * @throws IllegalArgumentException if there are more than {@value PageRequest#MAX_LIMIT} threads
     * @throws UnsupportedOperationException if {@link #supportsThreadState()} is false
     * @throws StoreException if storage fails
     */
    default Map<ThreadKey, ThreadState> states(Collection<ThreadKey> threads) {
        Objects.requireNonNull(threads, "threads must not be null");
        Check.atMost(threads.size(), "threads", PageRequest.MAX_LIMIT);
        Map<ThreadKey, ThreadState> states = new LinkedHashMap<>();
        for (ThreadKey thread : threads) {
            Objects.requireNonNull(thread, "threads must not contain null");
            if (!states.containsKey(thread)) {
                states.put(thread, state(thread));
            }
        }
        return states;
    }

    /**
     * Counts the comments of a thread (roots and replies, all kinds) by status.
     *
     * @param thread the thread
     * @return the counts; {@link StatusCounts#ZERO} for an unknown thread
     * @throws StoreException if storage fails
     */
    StatusCounts counts(ThreadKey thread);

    /**
     * Counts the comments of several threads by status, in one call.
     *
     * <p>The default calls {@link #counts(ThreadKey)} once per thread; a database store answers with one
     * grouped query.
     *
     * @param threads the threads, at most {@value PageRequest#MAX_LIMIT}; duplicates are counted once
     * @return counts for every thread asked for, in the iteration order of {@code threads}; unknown threads
     *     map to {@link StatusCounts#ZERO}
     * @throws IllegalArgumentException if there are more than {@value PageRequest#MAX_LIMIT} threads
     * @throws StoreException if storage fails
     */
    default Map<ThreadKey, StatusCounts> counts(Collection<ThreadKey> threads) {
        Objects.requireNonNull(threads, "threads must not be null");
        if (threads.size() > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "threads must hold at most " + PageRequest.MAX_LIMIT + " keys, had " + threads.size());
        }
        Map<ThreadKey, StatusCounts> counts = new LinkedHashMap<>();
        for (ThreadKey thread : threads) {
            Objects.requireNonNull(thread, "threads must not contain null");
            if (!counts.containsKey(thread)) {
                counts.put(thread, counts(thread));
            }
        }
        return counts;
    }

    /**
     * Reads a page of comments of every thread whose status is in {@code statuses}: roots and replies, all
     * kinds. The moderation queue is {@code queue(Set.of(PENDING), ...)}; recent comments site-wide are
     * {@code queue(Set.of(APPROVED), first(NEWEST_FIRST, n))}.
     *
     * @param statuses the statuses to include, not empty
     * @param request order, cursor and limit
     * @return the page, in the requested order
     * @throws StoreException if storage fails
     */
    Page queue(Set<Status> statuses, PageRequest request);

    /**
     * Reads a page of the comments that match {@code search}, across threads: a moderator's filtered list
     * (newest first, by status, thread, author and text). See {@link CommentSearch} for what matches.
     *
     * <p>The page holds up to {@code request.limit()} matches in the requested order, continuing strictly after
     * the cursor; its next cursor is set when it is full (as {@link Page#of} sets it), so the last page may
     * come back full with an empty page after it. A page never holds a comment that does not match.
     *
     * <p>The default reads {@link #queue(Set, PageRequest)} pages of the statuses, keeps the matches and stops
     * when the page is full or the statuses are exhausted: correct, but it may read every comment of those
     * statuses to fill one page of a rare match. A database store answers with one query.
     *
     * @param search what to match
     * @param request order, cursor and limit
     * @return the page, in the requested order
     * @throws StoreException if storage fails
     */
    default Page search(CommentSearch search, PageRequest request) {
        Objects.requireNonNull(search, "search must not be null");
        Objects.requireNonNull(request, "request must not be null");
        List<Comment> matches = new ArrayList<>();
        PageRequest read = new PageRequest(request.order(), request.after(), PageRequest.MAX_LIMIT);
        while (true) {
            Page page = queue(search.statuses(), read);
            for (Comment comment : page.items()) {
                if (search.matches(comment)) {
                    matches.add(comment);
                    if (matches.size() == request.limit()) {
                        return Page.of(matches, request);
                    }
                }
            }
            if (page.nextCursor().isEmpty()) {
                return Page.of(matches, request);
            }
            read = read.next(page.nextCursor().get());
        }
    }

    /**
     * Reads a page of every stored comment, whatever its thread, status or kind: the export and migration
     * read.
     *
     * @param request order, cursor and limit
     * @return the page, in the requested order
     * @throws StoreException if storage fails
     */
    Page scan(PageRequest request);

    /**
     * Reads a page of the comments whose author e-mail address is {@code email}, across threads, statuses and
     * kinds: what the privacy tools export and erase. Addresses are compared in the form
     * {@link Author#normalizeEmail} gives, so case and surrounding spaces do not matter.
     *
     * <p>The default reads {@link #scan(PageRequest)} pages and keeps the matches: correct, but it may read
     * every comment to fill one page. A database store keeps an index on the normalized address (or a hash of
     * it) and answers with one indexed read.
     *
     * @param email the address, not blank
     * @param request order, cursor and limit
     * @return the page, in the requested order; its next cursor is set when it is full
     * @throws IllegalArgumentException if {@code email} is blank
     * @throws StoreException if storage fails
     */
    default Page byEmail(String email, PageRequest request) {
        String wanted = Author.normalizeEmail(email);
        Objects.requireNonNull(request, "request must not be null");
        List<Comment> matches = new ArrayList<>();
        PageRequest read = new PageRequest(request.order(), request.after(), PageRequest.MAX_LIMIT);
        while (true) {
            Page page = scan(read);
            for (Comment comment : page.items()) {
                String address = comment.author().email();
                if (address != null && Author.normalizeEmail(address).equals(wanted)) {
                    matches.add(comment);
                    if (matches.size() == request.limit()) {
                        return Page.of(matches, request);
                    }
                }
            }
            if (page.nextCursor().isEmpty()) {
                return Page.of(matches, request);
            }
            read = read.next(page.nextCursor().get());
        }
    }

    /**
     * Clears the client details ({@link Author#ip()} and {@link Author#userAgent()}) of up to {@code limit}
     * comments created before {@code createdBefore} that still carry either: one bounded batch of the
     * retention job. Each changed comment is written as {@link #update(Comment)} would write it (version plus
     * one, the thread's state moved), and nothing else of it changes. Calling it again until it returns 0
     * clears every such comment; the cost of a batch does not grow with the store.
     *
     * <p>The default scans the store oldest first and updates the matches one by one, retrying on a version
     * conflict: correct, but a batch may read every comment. A database store updates the batch in one
     * statement through an index.
     *
     * @param createdBefore the cut-off: comments created strictly before it are cleared
     * @param limit the most comments to clear, 1 to {@value #MAX_BATCH}
     * @return how many comments were cleared, at most {@code limit}; 0 when none is left
     * @throws IllegalArgumentException if {@code limit} is out of range
     * @throws StoreException if storage fails
     */
    default int clearClientData(java.time.Instant createdBefore, int limit) {
        Objects.requireNonNull(createdBefore, "createdBefore must not be null");
        Check.positive(limit, "limit", MAX_BATCH);
        int cleared = 0;
        PageRequest read = PageRequest.first(Order.OLDEST_FIRST, PageRequest.MAX_LIMIT);
        while (cleared < limit) {
            Page page = scan(read);
            for (Comment comment : page.items()) {
                if (!comment.createdAt().isBefore(createdBefore)) {
                    return cleared;
                }
                Comment current = comment;
                while (current.author().ip() != null || current.author().userAgent() != null) {
                    try {
                        update(current.toBuilder().author(current.author().withClient(null, null)).build());
                        cleared++;
                        break;
                    } catch (VersionConflictException e) {
                        Optional<Comment> reread = find(current.id());
                        if (reread.isEmpty()) {
                            break;
                        }
                        current = reread.get();
                    } catch (CommentNotFoundException e) {
                        break;
                    }
                }
                if (cleared == limit) {
                    return cleared;
                }
            }
            if (page.nextCursor().isEmpty()) {
                return cleared;
            }
            read = read.next(page.nextCursor().get());
        }
        return cleared;
    }

    /**
     * Finds the linkback a thread holds from a source URL, whatever its status.
     *
     * @param thread the thread
     * @param sourceUrl the source URL, compared exactly
     * @return the linkback comment, or empty if the thread holds none from that source
     * @throws StoreException if storage fails
     */
    Optional<Comment> findLinkback(ThreadKey thread, String sourceUrl);
}
