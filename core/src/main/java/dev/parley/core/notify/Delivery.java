package dev.parley.core.notify;

import dev.parley.core.ModeratorAction;
import dev.parley.core.mail.MailMessage;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.jobs.Job;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.subscriptions.AddressState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker side of a {@link Notifier}: claims due jobs kind by kind, checks again that the mail is still
 * wanted, renders it and hands it to the mailer. A failure of any kind puts the job (or the whole batch) back
 * with back-off until its last attempt, so a mail server that is down delays mail and loses none.
 */
final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private final Parts parts;

    Delivery(Parts parts) {
        this.parts = parts;
    }

    WorkResult runDue(String owner) {
        WorkResult total = WorkResult.NONE;
        for (String kind : List.of(Parts.KIND_CONFIRM, Parts.KIND_REPLY, Parts.KIND_AUTHOR, Parts.KIND_HELD)) {
            List<Job> claimed;
            do {
                claimed = parts.jobs().claim(kind, owner, JobQueue.MAX_CLAIM, parts.lease());
                total = total.plus(kind.equals(Parts.KIND_REPLY) ? replies(owner, claimed) : singles(owner, claimed));
            } while (claimed.size() == JobQueue.MAX_CLAIM);
        }
        return total;
    }

    private WorkResult singles(String owner, List<Job> claimed) {
        WorkResult total = WorkResult.NONE;
        for (Job job : claimed) {
            total = total.plus(attempt(owner, List.of(job), () -> single(job)));
        }
        return total;
    }

    /** Renders one job's mail, or empty if it is no longer wanted. */
    private Optional<MailMessage> single(Job job) {
        return switch (job.kind()) {
            case Parts.KIND_CONFIRM -> confirmation(JobPayload.split(job.payload(), 1).get(0));
            case Parts.KIND_AUTHOR -> {
                List<String> fields = JobPayload.split(job.payload(), 2);
                yield newComment(fields.get(0), CommentId.of(fields.get(1)));
            }
            case Parts.KIND_HELD -> {
                List<String> fields = JobPayload.split(job.payload(), 2);
                yield held(fields.get(0), CommentId.of(fields.get(1)));
            }
            default -> throw new IllegalStateException("not a notification job: " + job.kind());
        };
    }

    private Optional<MailMessage> confirmation(String email) {
        boolean unconfirmed = parts.subscriptions().find(email)
                .map(address -> address.state() == AddressState.UNCONFIRMED).orElse(false);
        if (!unconfirmed) {
            return Optional.empty();
        }
        Instant expiry = parts.now().plus(parts.confirmationLifetime());
        String unsubscribe = parts.unsubscribeAllUrl(email);
        var rendered = parts.templates().confirmation(new NotificationTemplates.Confirmation(email,
                parts.links().confirm(parts.confirmToken(email, expiry)), expiry, unsubscribe));
        return Optional.of(message(email, rendered, unsubscribe));
    }

    private Optional<MailMessage> newComment(String email, CommentId id) {
        Optional<Comment> comment = parts.store().find(id).filter(c -> c.status() == Status.APPROVED);
        if (comment.isEmpty() || !reachable(email, comment.get().thread())) {
            return Optional.empty();
        }
        var unsubscribe = parts.unsubscribe(email, comment.get().thread());
        var rendered = parts.templates().newComment(new NotificationTemplates.NewComment(email, comment.get(),
                parts.links().comment(comment.get()), unsubscribe));
        return Optional.of(message(email, rendered, unsubscribe.thread()));
    }

    private Optional<MailMessage> held(String email, CommentId id) {
        Optional<Comment> found = parts.store().find(id).filter(c -> c.status() == Status.PENDING);
        if (found.isEmpty() || !reachable(email, found.get().thread())) {
            return Optional.empty();
        }
        Comment comment = found.get();
        Instant expiry = parts.now().plus(parts.moderatorLinkLifetime());
        var unsubscribe = parts.unsubscribe(email, comment.thread());
        var rendered = parts.templates().held(new NotificationTemplates.Held(email, comment,
                moderateUrl(comment, ModeratorAction.APPROVE, expiry), moderateUrl(comment, ModeratorAction.SPAM, expiry),
                moderateUrl(comment, ModeratorAction.DELETE, expiry), expiry, unsubscribe));
        return Optional.of(message(email, rendered, unsubscribe.thread()));
    }

    private String moderateUrl(Comment comment, ModeratorAction action, Instant expiry) {
        return parts.links().moderate(parts.tokens().sign(Parts.MODERATE, comment.id().value(),
                Long.toString(comment.version()), action.name(), Long.toString(expiry.getEpochSecond())));
    }

    /** Groups claimed reply jobs by recipient and thread: each group is one mail. */
    private WorkResult replies(String owner, List<Job> claimed) {
        Map<List<String>, List<Job>> batches = new LinkedHashMap<>();
        for (Job job : claimed) {
            List<String> fields = JobPayload.split(job.payload(), 3);
            batches.computeIfAbsent(fields.subList(0, 2), k -> new ArrayList<>()).add(job);
        }
        WorkResult total = WorkResult.NONE;
        for (Map.Entry<List<String>, List<Job>> batch : batches.entrySet()) {
            String email = batch.getKey().get(0);
            ThreadKey thread = ThreadKey.of(batch.getKey().get(1));
            List<Job> jobs = batch.getValue();
            total = total.plus(attempt(owner, jobs, () -> replyMail(email, thread, jobs)));
        }
        return total;
    }

    private Optional<MailMessage> replyMail(String email, ThreadKey thread, List<Job> jobs) {
        boolean confirmed = parts.subscriptions().find(email)
                .map(address -> address.state() == AddressState.CONFIRMED).orElse(false);
        if (!confirmed || parts.subscriptions().isMuted(email, thread)) {
            return Optional.empty();
        }
        Set<CommentId> ids = new LinkedHashSet<>();
        for (Job job : jobs) {
            ids.add(CommentId.of(JobPayload.split(job.payload(), 3).get(2)));
        }
        List<NotificationTemplates.Reply> replies = new ArrayList<>();
        for (CommentId id : ids) {
            Optional<Comment> reply = parts.store().find(id).filter(c -> c.status() == Status.APPROVED);
            if (reply.isEmpty() || email.equals(authorEmail(reply.get()))
                    || !parts.subscriptions().watcher(reply.get().inReplyToId()).map(email::equals).orElse(false)) {
                continue;
            }
            Optional<Comment> answered = parts.store().find(reply.get().inReplyToId());
            answered.ifPresent(a -> replies.add(
                    new NotificationTemplates.Reply(reply.get(), a, parts.links().comment(reply.get()))));
        }
        if (replies.isEmpty()) {
            return Optional.empty();
        }
        replies.sort(java.util.Comparator.comparing((NotificationTemplates.Reply r) -> r.reply().createdAt())
                .thenComparing(r -> r.reply().id().value()));
        var unsubscribe = parts.unsubscribe(email, thread);
        var rendered = parts.templates().replies(new NotificationTemplates.Replies(email, thread, replies, unsubscribe));
        return Optional.of(message(email, rendered, unsubscribe.thread()));
    }

    /** Whether a host-given address (a post's author, a moderator) still takes mail about a thread. */
    private boolean reachable(String email, ThreadKey thread) {
        boolean unsubscribed = parts.subscriptions().find(email)
                .map(address -> address.state() == AddressState.UNSUBSCRIBED).orElse(false);
        return !unsubscribed && !parts.subscriptions().isMuted(email, thread);
    }

    private static MailMessage message(String to, NotificationTemplates.Rendered rendered, String unsubscribeUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        headers.put("List-Unsubscribe-Post", ONE_CLICK);
        headers.put("Auto-Submitted", "auto-generated");
        return new MailMessage(to, rendered.subject(), rendered.text(), rendered.html(), headers);
    }

    /** Renders and sends one mail for a batch of jobs, finishing every job of the batch the same way. */
    private WorkResult attempt(String owner, List<Job> batch, MailSource source) {
        String outcome;
        try {
            Optional<MailMessage> message = source.render();
            if (message.isEmpty()) {
                batch.forEach(job -> parts.jobs().complete(job.id(), owner, "dropped: no longer wanted"));
                return new WorkResult(0, 0, 0, batch.size());
            }
            parts.mailer().send(message.get());
            batch.forEach(job -> parts.jobs().complete(job.id(), owner, "sent"));
            return new WorkResult(1, 0, 0, 0);
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (outcome.length() > JobQueue.MAX_OUTCOME_LENGTH) {
                outcome = outcome.substring(0, JobQueue.MAX_OUTCOME_LENGTH);
            }
            LOG.warn("notification {} failed: {}", batch.get(0).kind(), outcome);
        }
        int attempts = batch.stream().mapToInt(Job::attempts).max().orElse(1);
        if (attempts >= parts.maxAttempts()) {
            for (Job job : batch) {
                parts.jobs().giveUp(job.id(), owner, outcome);
            }
            return new WorkResult(0, 0, batch.size(), 0);
        }
        Instant next = parts.backoff().next(attempts, parts.now());
        for (Job job : batch) {
            parts.jobs().retry(job.id(), owner, next, outcome);
        }
        return new WorkResult(0, batch.size(), 0, 0);
    }

    private static String authorEmail(Comment comment) {
        String email = comment.author().email();
        return email == null ? "" : Author.normalizeEmail(email);
    }

    /** Makes a batch's mail, or empty when there is nothing left to tell. */
    @FunctionalInterface
    private interface MailSource {
        Optional<MailMessage> render();
    }
}
