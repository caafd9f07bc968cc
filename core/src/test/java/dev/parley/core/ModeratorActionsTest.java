package dev.parley.core;

import static dev.parley.core.Fixture.THREAD;
import static dev.parley.core.Fixture.by;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentSearch;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.VersionConflictException;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModeratorActionsTest {

    private final List<String> events = new ArrayList<>();

    private final CommentListener recorder = new CommentListener() {
        @Override
        public void onPosted(Comment comment) {
            events.add("posted " + comment.id());
        }

        @Override
        public void onModerated(Comment before, Comment after, ModeratorAction action) {
            events.add(action + " " + after.id() + " " + before.status() + "->" + after.status());
        }

        @Override
        public void onPurged(Comment comment) {
            events.add("purged " + comment.id());
        }
    };

    private final CommentListener broken = new CommentListener() {
        @Override
        public void onModerated(Comment before, Comment after, ModeratorAction action) {
            throw new IllegalStateException("listener bug");
        }
    };

    private final Fixture f = new Fixture(s -> s, b -> b.listener(broken).listener(recorder));

    @Test
    void searchListsEveryStatusNewestFirstByAuthorAndText() {
        Comment ann = f.accepted(by("Ann", "first words"));
        Comment bob = f.accepted(by("Bob", "more words from Bob"));
        Comment spam = f.accepted(by("ann", "spam WORDS"));
        f.service.markSpam(spam.id());
        f.service.delete(bob.id());
        CommentSearch everything = CommentSearch.of(EnumSet.allOf(Status.class));

        assertThat(f.service.search(everything, PageRequest.first(Order.NEWEST_FIRST, 10)).items())
                .extracting(Comment::id).containsExactly(spam.id(), bob.id(), ann.id());
        assertThat(f.service.search(everything.byAuthor("ANN").containing("words"),
                PageRequest.first(Order.NEWEST_FIRST, 10)).items())
                .extracting(Comment::id).containsExactly(spam.id(), ann.id());
        assertThat(f.service.search(CommentSearch.of(Set.of(Status.DELETED)).inThread(THREAD),
                PageRequest.first(Order.NEWEST_FIRST, 10)).items())
                .extracting(Comment::id).containsExactly(bob.id());
    }

    @Test
    void everyActionChangesTheStatusStoresAReasonAndFiresAnEvent() {
        Comment c = f.accepted(by("Ann", "hi"));

        assertThat(f.service.hold(c.id()).orElseThrow().moderationReason()).isEqualTo("held by a moderator");
        assertThat(f.service.approve(c.id()).orElseThrow().moderationReason()).isEqualTo("approved by a moderator");
        assertThat(f.service.markSpam(c.id()).orElseThrow().moderationReason()).isEqualTo("marked spam by a moderator");
        assertThat(f.service.restore(c.id()).orElseThrow().status()).isEqualTo(Status.APPROVED);
        assertThat(f.service.delete(c.id()).orElseThrow().moderationReason()).isEqualTo("deleted by a moderator");
        assertThat(f.service.restore(c.id()).orElseThrow().moderationReason()).isEqualTo("restored by a moderator");

        assertThat(events).containsExactly(
                "posted c1",
                "HOLD c1 APPROVED->PENDING",
                "APPROVE c1 PENDING->APPROVED",
                "SPAM c1 APPROVED->SPAM",
                "RESTORE c1 SPAM->APPROVED",
                "DELETE c1 APPROVED->DELETED",
                "RESTORE c1 DELETED->APPROVED");
    }

    @Test
    void anActionThatChangesNothingFiresNothing() {
        Comment c = f.accepted(by("Ann", "hi"));

        assertThat(f.service.approve(c.id())).contains(c);
        assertThat(f.service.restore(c.id())).contains(c);
        assertThat(events).containsExactly("posted c1");
    }

    @Test
    void versionedActionAppliesOnlyAtTheVersionItWasDecidedOn() {
        Comment c = f.accepted(by("Ann", "hi"));
        f.service.hold(c.id());
        long seen = f.service.find(c.id()).orElseThrow().version();

        assertThat(f.service.moderate(c.id(), ModeratorAction.APPROVE, seen).orElseThrow().status())
                .isEqualTo(Status.APPROVED);
        assertThat(f.service.moderate(c.id(), ModeratorAction.DELETE, seen)).isEmpty();
        assertThat(f.service.find(c.id()).orElseThrow().status()).isEqualTo(Status.APPROVED);
        assertThat(f.service.moderate(CommentId.of("missing"), ModeratorAction.APPROVE, 0)).isEmpty();
        assertThat(events).containsExactly("posted c1", "HOLD c1 APPROVED->PENDING", "APPROVE c1 PENDING->APPROVED");
    }

    @Test
    void racingVersionedActionsOnOneVersionApplyAtMostOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 50; i++) {
                Comment c = f.accepted(by("Ann", "held " + i));
                f.service.hold(c.id());
                long seen = f.service.find(c.id()).orElseThrow().version();
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.Future<Optional<Comment>> approve = pool.submit(() -> {
                    start.await();
                    return f.service.moderate(c.id(), ModeratorAction.APPROVE, seen);
                });
                java.util.concurrent.Future<Optional<Comment>> delete = pool.submit(() -> {
                    start.await();
                    return f.service.moderate(c.id(), ModeratorAction.DELETE, seen);
                });
                int applied = (approve.get().isPresent() ? 1 : 0) + (delete.get().isPresent() ? 1 : 0);

                assertThat(applied).as("actions applied to %s", c.id()).isEqualTo(1);
                assertThat(f.service.find(c.id()).orElseThrow().version()).isEqualTo(seen + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deletedRootWithoutVisibleRepliesHasNoPageOfReplies() {
        Comment lonely = f.accepted(by("Ann", "nobody answered"));
        Comment answered = f.accepted(by("Bob", "someone answered"));
        f.accepted(by("Cid", "an answer").inReplyTo(answered.id()));
        f.service.delete(lonely.id());
        f.service.delete(answered.id());

        assertThat(f.service.replies(lonely.id(), null, Viewer.anonymous())).isEmpty();
        assertThat(f.service.replies(answered.id(), null, Viewer.anonymous())).hasValueSatisfying(
                page -> assertThat(page.replies()).hasSize(1));
    }

    @Test
    void missingCommentGivesEmpty() {
        assertThat(f.service.approve(CommentId.of("missing"))).isEmpty();
        assertThat(f.service.purge(CommentId.of("missing"))).isFalse();
    }

    @Test
    void deleteWithLiveRepliesLeavesAPlaceholder() {
        Comment parent = f.accepted(by("Ann", "parent"));
        f.accepted(by("Bob", "child").inReplyTo(parent.id()));

        f.service.delete(parent.id());

        ThreadPage page = f.service.page(THREAD, Order.OLDEST_FIRST, null, 10, Viewer.anonymous());
        assertThat(Outline.of(page)).isEqualTo("""
                [deleted]
                  Bob: child
                """);
        Comment placeholder = page.roots().get(0).comment();
        assertThat(placeholder.id()).isEqualTo(parent.id());
        assertThat(placeholder.text()).isEmpty();
        assertThat(placeholder.html()).isEmpty();
        assertThat(placeholder.author().name()).isEqualTo("[deleted]");
        assertThat(placeholder.author().email()).isNull();
    }

    @Test
    void purgeRemovesTheCommentAndItsRepliesFromStorage() {
        Comment root = f.accepted(by("Ann", "root"));
        Comment child = f.accepted(by("Bob", "child").inReplyTo(root.id()));
        Comment grandchild = f.accepted(by("Cat", "grandchild").inReplyTo(child.id()));
        Comment sibling = f.accepted(by("Dan", "sibling").inReplyTo(root.id()));

        assertThat(f.service.purge(child.id())).isTrue();

        assertThat(f.store.find(child.id())).isEmpty();
        assertThat(f.store.find(grandchild.id())).isEmpty();
        assertThat(f.store.find(sibling.id())).isPresent();
        assertThat(events).endsWith("purged c3", "purged c2");
    }

    @Test
    void versionConflictsAreRetried() {
        AtomicInteger conflicts = new AtomicInteger(2);
        DelegatingStore store = new DelegatingStore(new InMemoryCommentStore()) {
            @Override
            public Comment update(Comment changed) {
                if (conflicts.get() > 0) {
                    conflicts.decrementAndGet();
                    throw new VersionConflictException(changed.id(), changed.version(), changed.version() + 1);
                }
                return super.update(changed);
            }
        };
        CommentService service = CommentService.builder().store(store).tokenSecret(Fixture.SECRET)
                .renderer(new TestRenderer()).settings(Settings.builder().holdNewAuthors(false).build()).build();
        Comment c = ((PostResult.Accepted) service.post(by("Ann", "hi").build())).comment();

        assertThat(service.hold(c.id()).orElseThrow().status()).isEqualTo(Status.PENDING);
        assertThat(conflicts).hasValue(0);
        assertThat(store.calls.stream().filter("find"::equals)).as("one read per attempt").hasSize(3);

        conflicts.set(100);
        assertThatThrownBy(() -> service.approve(c.id())).isInstanceOf(VersionConflictException.class);
    }

    @Test
    void statusChangesLeaveTheEditTimeAloneSoApprovalIsNoEdit() {
        Fixture held = new Fixture(s -> s.holdNewAuthors(true));
        Comment c = held.accepted(by("Ann", "held at first"));
        held.clock.advance(java.time.Duration.ofHours(3));

        Comment approved = held.service.approve(c.id()).orElseThrow();
        assertThat(approved.updatedAt()).isEqualTo(c.createdAt());
        assertThat(held.service.hold(c.id()).orElseThrow().updatedAt()).isEqualTo(c.createdAt());
        assertThat(held.service.markSpam(c.id()).orElseThrow().updatedAt()).isEqualTo(c.createdAt());
        assertThat(held.service.restore(c.id()).orElseThrow().updatedAt()).isEqualTo(c.createdAt());
        assertThat(held.service.delete(c.id()).orElseThrow().updatedAt()).isEqualTo(c.createdAt());
        assertThat(held.service.restore(c.id()).orElseThrow().updatedAt()).isEqualTo(c.createdAt());
        assertThat(dev.parley.core.json.CommentJson.create()
                .toPublic(held.service.page(THREAD, Order.OLDEST_FIRST, null, 10, Viewer.anonymous()))
                .comments().get(0).edited()).isNull();

        held.clock.advance(java.time.Duration.ofMinutes(5));
        Comment edited = ((EditResult.Done) held.service.editAsModerator(c.id(), "held, then edited",
                dev.parley.core.content.InputFormat.PLAIN_TEXT)).comment();
        assertThat(edited.updatedAt()).isEqualTo(held.clock.instant());
    }

    @Test
    void anAuthorsDeleteIsNoEditEither() {
        PostResult.Accepted posted = f.acceptedResult(by("Ann", "soon gone"));
        f.clock.advance(java.time.Duration.ofMinutes(2));

        Comment deleted = ((EditResult.Done) f.service.deleteByAuthor(posted.comment().id(), posted.editToken()))
                .comment();

        assertThat(deleted.status()).isEqualTo(Status.DELETED);
        assertThat(deleted.updatedAt()).isEqualTo(posted.comment().createdAt());
    }
}
