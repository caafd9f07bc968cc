package dev.parley.core.notify;

import dev.parley.core.mail.Mailer;
import dev.parley.storage.CommentStore;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.jobs.Backoff;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.subscriptions.Subscriptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a {@link Notifier} is built from, shared by its event side and its worker. Immutable. */
record Parts(
        CommentStore store,
        JobQueue jobs,
        Subscriptions subscriptions,
        Mailer mailer,
        NotificationTemplates templates,
        SignedTokens tokens,
        Clock clock,
        NotificationLinks links,
        PostAuthors postAuthors,
        List<String> moderators,
        Duration batchWindow,
        Duration confirmationLifetime,
        Duration moderatorLinkLifetime,
        Backoff backoff,
        int maxAttempts,
        Duration lease) {

    static final String KIND_CONFIRM = "notify-confirm";
    static final String KIND_REPLY = "notify-reply";
    static final String KIND_AUTHOR = "notify-author";
    static final String KIND_HELD = "notify-held";

    static final String CONFIRM = "confirm";
    static final String UNSUBSCRIBE_THREAD = "unsubscribe-thread";
    static final String UNSUBSCRIBE_ALL = "unsubscribe-all";
    static final String MODERATE = "moderate";

    Instant now() {
        return clock.instant();
    }

    String confirmToken(String email, Instant expiry) {
        return tokens.sign(CONFIRM, email, Long.toString(expiry.getEpochSecond()));
    }

    String unsubscribeAllUrl(String email) {
        return links.unsubscribe(tokens.sign(UNSUBSCRIBE_ALL, email));
    }

    NotificationTemplates.Unsubscribe unsubscribe(String email, ThreadKey thread) {
        return new NotificationTemplates.Unsubscribe(
                links.unsubscribe(tokens.sign(UNSUBSCRIBE_THREAD, email, thread.value())), unsubscribeAllUrl(email));
    }
}
