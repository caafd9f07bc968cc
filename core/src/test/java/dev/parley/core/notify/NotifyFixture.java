package dev.parley.core.notify;

import dev.parley.core.CommentService;
import dev.parley.core.MutableClock;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.Settings;
import dev.parley.core.content.InputFormat;
import dev.parley.core.mail.MailMessage;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.jobs.InMemoryJobQueue;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.parley.storage.subscriptions.InMemorySubscriptions;

/** A comment service with a notifier on in-memory parts, a hand-moved clock and ids c1, c2, ... */
final class NotifyFixture {

    static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    static final ThreadKey THREAD = ThreadKey.of("hello-world");
    static final String BASE = "https://blog.example/";
    static final String OWNER = "owner@blog.example";
    static final String MODERATOR = "mod@blog.example";
    static final byte[] SECRET = "notify-secret-0123456789abcdef-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final Pattern LINK = Pattern.compile("https://blog\\.example/notify/([a-z]+)\\?token=([^\\s\"<>]+)");

    final InMemoryCommentStore store = new InMemoryCommentStore();
    final MutableClock clock = new MutableClock(START);
    final InMemoryJobQueue jobs = new InMemoryJobQueue(clock);
    final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    final RecordingMailer mailer = new RecordingMailer();
    final Notifier notifier;
    final CommentService service;
    private final AtomicInteger ids = new AtomicInteger();

    NotifyFixture() {
        this(n -> n, s -> s);
    }

    NotifyFixture(UnaryOperator<Notifier.Builder> notifierOptions, UnaryOperator<Settings.Builder> settings) {
        notifier = notifierOptions.apply(Notifier.builder()
                .store(store)
                .jobs(jobs)
                .subscriptions(subscriptions)
                .mailer(mailer)
                .templates(NotificationTemplates.standard("Blog"))
                .secret(SECRET)
                .clock(clock)
                .links(NotificationLinks.under(BASE, NotifyFixture::permalink)))
                .build();
        service = CommentService.builder()
                .store(store)
                .clock(clock)
                .tokenSecret("0123456789abcdef0123456789abcdef-edit-secret")
                .ids(() -> CommentId.of("c" + ids.incrementAndGet()))
                .settings(settings.apply(Settings.builder().holdNewAuthors(false)).build())
                .listener(notifier.listener())
                .build();
    }

    static String permalink(Comment comment) {
        return BASE + "posts/" + comment.thread().value() + "#c-" + comment.id().value();
    }

    /** Posts a minute after the last post, so flood control stays out of the way. */
    Comment post(String name, String text, Comment parent) {
        return post(name, text, parent == null ? null : parent.id(), InputFormat.PLAIN_TEXT);
    }

    Comment post(String name, String text, CommentId parent, InputFormat format) {
        clock.advance(Duration.ofMinutes(1));
        PostResult result = service.post(PostRequest.builder(THREAD, text)
                .author(name, email(name), null)
                .inReplyTo(parent)
                .format(format)
                .build());
        if (!(result instanceof PostResult.Accepted accepted)) {
            throw new AssertionError("expected accepted, got " + result);
        }
        return accepted.comment();
    }

    static String email(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + "@example.org";
    }

    /** Posts with "notify me" ticked and confirms the address through the mailed link, consuming that mail. */
    Comment postWatchedAndConfirm(String name, String text) {
        Comment comment = post(name, text, null);
        if (notifier.watch(comment) == WatchResult.CONFIRMATION_SENT) {
            work();
            MailMessage confirmation = mailer.take().get(0);
            notifier.confirm(token(confirmation, "confirm")).orElseThrow();
        }
        return comment;
    }

    WorkResult work() {
        return notifier.runDue("worker-1");
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    /** The token of the first link of a kind (confirm, unsubscribe, moderate) in a mail's text body. */
    static String token(MailMessage mail, String kind) {
        return tokens(mail, kind, 0);
    }

    static String tokens(MailMessage mail, String kind, int index) {
        Matcher m = LINK.matcher(mail.text());
        int found = 0;
        while (m.find()) {
            if (m.group(1).equals(kind) && found++ == index) {
                return URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + kind + " link #" + index + " in:\n" + mail.text());
    }

    static Optional<String> header(MailMessage mail, String name) {
        return Optional.ofNullable(mail.headers().get(name));
    }
}
