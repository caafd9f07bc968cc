package dev.parley.core.moderation.internal;

import dev.parley.core.moderation.Decision;
import dev.parley.core.moderation.ModerationRule;
import dev.parley.core.moderation.RejectCode;
import dev.parley.core.moderation.RuleContext;
import dev.parley.core.moderation.Submission;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rejects a comment whose author already posted the same text at the same place (same thread, same comment
 * answered), as WordPress's duplicate check does. Deleted comments do not count, so an author may delete a
 * comment and post it again.
 *
 * <p>A reply is compared with the subtree of the comment it answers (one read); a root comment with the
 * newest {@value #ROOTS} roots of the thread, where a double submission lands. Linkbacks (deduplicated by
 * source) and edits are not checked.
 *
 * <p>That read finds duplicates already stored; for posts racing each other it asks the store, through
 * {@link RuleContext#requireUnique(String)}, to refuse a second comment with the same {@link Fingerprints
 * fingerprint} atomically at insert, on any number of application instances.
 */
public final class DuplicateRule implements ModerationRule {

    static final int ROOTS = 100;

    private static final Set<Status> LIVE = EnumSet.of(Status.PENDING, Status.APPROVED, Status.SPAM);

    @Override
    public String name() {
        return "duplicate";
    }

    @Override
    public Optional<Decision> evaluate(Submission submission, RuleContext context) {
        if (submission.isLinkback() || submission.isEdit()) {
            return Optional.empty();
        }
        CommentStore store = context.store();
        List<Comment> candidates;
        if (submission.inReplyToId() == null) {
            candidates = store.roots(submission.thread(), LIVE, PageRequest.first(Order.NEWEST_FIRST, ROOTS))
                    .items();
        } else {
            Optional<Comment> answered = store.find(submission.inReplyToId());
            if (answered.isEmpty()) {
                return Optional.empty();
            }
            candidates = store.replies(List.of(answered.get().rootId()), LIVE);
        }
        for (Comment comment : candidates) {
            if (comment.kind().isLinkback() || !comment.thread().equals(submission.thread())) {
                continue;
            }
            if (Objects.equals(comment.inReplyToId(), submission.inReplyToId())
                    && comment.text().strip().equals(submission.text().strip())
                    && Authors.same(submission.author(), comment.author())) {
                return Optional.of(Decision.reject(RejectCode.DUPLICATE, "duplicate of " + comment.id()));
            }
        }
        // None found now; the store refuses one that lands between this read and the insert.
        Fingerprints.of(submission).ifPresent(context::requireUnique);
        return Optional.empty();
    }
}
