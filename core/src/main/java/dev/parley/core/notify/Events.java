package dev.parley.core.notify;

import dev.parley.core.CommentListener;
import dev.parley.core.ModeratorAction;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.Status;
import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.NewJob;
import dev.parley.storage.subscriptions.AddressState;
import java.util.Optional;

/**
 * Turns what happens to comments into notification jobs, on the thread that made the change, so every job is
 * in the durable queue before the request that caused it is answered. Reads only what deciding needs; the
 * worker checks everything again when it sends.
 */
final class Events implements CommentListener {

    private final Parts parts;

    Events(Parts parts) {
        this.parts = parts;
    }

    @Override
    public void onPosted(Comment comment) {
        arrived(comment);
    }

    @Override
    public void onLinkback(Comment comment) {
        arrived(comment);
    }

    @Override
    public void onModerated(Comment before, Comment after, ModeratorAction action) {
        // A comment that was never published (held, or wrongly taken for spam) is news when it is approved;
        // one restored after a deletion was told of when it was first approved.
        boolean unpublished = before.status() == Status.PENDING || before.status() == Status.SPAM;
        if (unpublished && after.status() == Status.APPROVED) {
            published(after);
        }
    }

    private void arrived(Comment comment) {
        if (comment.status() == Status.APPROVED) {
            published(comment);
        } else if (comment.status() == Status.PENDING) {
            for (String moderator : parts.moderators()) {
                parts.jobs().enqueue(NewJob.of(Parts.KIND_HELD,
                        JobPayload.join(moderator, comment.id().value()), parts.now()));
            }
        }
    }

    private void published(Comment comment) {
        if (comment.inReplyToId() != null) {
            reply(comment);
        }
        Optional<String> postAuthor = parts.postAuthors().email(comment.thread()).map(Author::normalizeEmail);
        if (postAuthor.isPresent() && !postAuthor.get().equals(authorEmail(comment))) {
            parts.jobs().enqueue(NewJob.of(Parts.KIND_AUTHOR,
                    JobPayload.join(postAuthor.get(), comment.id().value()), parts.now()));
        }
    }

    /**
     * Queues a reply notification to the batch of its recipient and thread: the first reply opens a job due
     * when the window closes; a reply while that job waits joins it as a job of its own due at the same time,
     * which the worker claims with it and sends in the same mail.
     */
    private void reply(Comment reply) {
        Optional<String> watcher = parts.subscriptions().watcher(reply.inReplyToId());
        if (watcher.isEmpty() || watcher.get().equals(authorEmail(reply))) {
            return;
        }
        String recipient = watcher.get();
        boolean confirmed = parts.subscriptions().find(recipient)
                .map(address -> address.state() == AddressState.CONFIRMED).orElse(false);
        if (!confirmed || parts.subscriptions().isMuted(recipient, reply.thread())) {
            return;
        }
        String payload = JobPayload.join(recipient, reply.thread().value(), reply.id().value());
        NewJob job = new NewJob(Parts.KIND_REPLY, payload, parts.now().plus(parts.batchWindow()),
                JobPayload.join(recipient, reply.thread().value()));
        Job batch = parts.jobs().enqueue(job);
        if (!batch.payload().equals(payload)) {
            parts.jobs().enqueue(NewJob.of(Parts.KIND_REPLY, payload, batch.runAt()));
        }
    }

    private static String authorEmail(Comment comment) {
        String email = comment.author().email();
        return email == null ? "" : Author.normalizeEmail(email);
    }
}
