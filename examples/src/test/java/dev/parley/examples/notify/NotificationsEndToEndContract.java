package dev.parley.examples.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.CommentService;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.Settings;
import dev.parley.core.notify.NotificationLinks;
import dev.parley.core.notify.NotificationTemplates;
import dev.parley.core.notify.Notifier;
import dev.parley.core.notify.WatchResult;
import dev.parley.core.notify.WorkResult;
import dev.parley.examples.web.ManualClock;
import dev.parley.core.privacy.ErasureMode;
import dev.parley.core.privacy.ErasureReport;
import dev.parley.core.privacy.ExportReport;
import dev.parley.core.privacy.PrivacyTools;
import dev.parley.mail.SmtpMailer;
import dev.parley.mail.SmtpSecurity;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.jobs.Backoff;
import dev.parley.storage.jobs.JobQueue;
import dev.parley.storage.subscriptions.AddressState;
import dev.parley.storage.subscriptions.Subscriptions;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications from a post to a real SMTP server (GreenMail in this JVM) through {@link SmtpMailer}: exact
 * recipients, headers and bodies, the double opt-in, both unsubscribe links, batching, one-time moderator links,
 * a server that is down delaying mail without losing any, and the privacy tools' export and erase of a
 * subscriber, after which no mail goes to them. Each store runs it through a subclass.
 */
abstract class NotificationsEndToEndContract {

    static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    private static final String BASE = "https://blog.example/";
    private static final Pattern LINK = Pattern.compile("https://blog\\.example/notify/([a-z]+)\\?token=([^\\s\"<>]+)");
    /** Jitter pinned to the ceiling, so the retry time is exact. */
    private static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30),
            new RandomGenerator() {
                @Override
                public long nextLong() {
                    return 0;
                }

                @Override
                public long nextLong(long bound) {
                    return bound - 1;
                }
            });

    /** What a store gives the notifier: its comments, its job queue on the test's clock, its subscriptions. */
    record Backend(CommentStore store, JobQueue jobs, Subscriptions subscriptions) {
    }

    /** A store with nothing in it, its queue on {@code clock}. */
    protected abstract Backend emptyBackend(Clock clock);

    private final ManualClock clock = new ManualClock(START);
    private SmtpServer smtp;
    private Backend backend;
    private Notifier notifier;
    private CommentService service;
    private final ThreadKey thread = ThreadKey.of("hello-world");

    @BeforeEach
    void start() {
        smtp = new SmtpServer();
        backend = emptyBackend(clock);
        SmtpMailer mailer = SmtpMailer.builder()
                .host("127.0.0.1")
                .port(smtp.port())
                .security(SmtpSecurity.NONE)
                .from("blog@blog.example", "The Blog")
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        notifier = Notifier.builder()
                .store(backend.store())
                .jobs(backend.jobs())
                .subscriptions(backend.subscriptions())
                .mailer(mailer)
                .templates(NotificationTemplates.standard("The Blog"))
                .secret("an end-to-end secret of 32 bytes or more".getBytes(StandardCharsets.UTF_8))
                .clock(clock)
                .links(NotificationLinks.under(BASE, c -> BASE + "posts/" + c.thread().value() + "#c-" + c.id().value()))
                .moderator("mod@blog.example")
                .backoff(BACKOFF)
                .build();
        service = CommentService.builder()
                .store(backend.store())
                .clock(clock)
                .tokenSecret("an edit-token secret of 32 bytes or more")
                .settings(Settings.builder().holdNewAuthors(false).build())
                .listener(notifier.listener())
                .build();
    }

    @AfterEach
    void stop() {
        smtp.close();
    }

    @Test
    void doubleOptInThenAReplyArrivesWithExactRecipientHeadersAndBodies() {
        Comment ann = post("Ann", "First!", thread, null);
        assertThat(notifier.watch(ann)).isEqualTo(WatchResult.CONFIRMATION_SENT);
        Comment early = post("Bob", "Before Ann confirmed.", thread, ann);
        work();

        assertThat(smtp.received()).hasSize(1);
        SmtpServer.Received confirmation = smtp.received().get(0);
        String refuse = url("unsubscribe", token(confirmation, "unsubscribe", 0));
        assertThat(confirmation.to()).containsExactly("ann@example.org");
        assertThat(confirmation.from()).isEqualTo("The Blog <blog@blog.example>");
        assertThat(confirmation.subject()).isEqualTo("Confirm notifications from The Blog");
        assertThat(confirmation.headers()).isEqualTo(Map.of("List-Unsubscribe", "<" + refuse + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click", "Auto-Submitted", "auto-generated"));
        assertThat(confirmation.text()).isEqualTo("""
                Someone, hopefully you, asked The Blog to e-mail ann@example.org when there are replies to their comments.

                To confirm, open this link (it works until 6 December 2026, 10:02 UTC):
                %s

                If you did not ask, ignore this mail: nothing will be sent. To refuse every mail from The Blog:
                %s
                """.formatted(url("confirm", token(confirmation, "confirm", 0)), refuse));

        assertThat(notifier.confirm(token(confirmation, "confirm", 0)).orElseThrow().state())
                .isEqualTo(AddressState.CONFIRMED);
        Comment reply = post("Bob", "Welcome, <Ann> & co.", thread, ann);
        clock.advance(Duration.ofMinutes(10));
        work();

        assertThat(smtp.received()).hasSize(2);
        SmtpServer.Received mail = smtp.received().get(1);
        String muteUrl = url("unsubscribe", token(mail, "unsubscribe", 0));
        String allUrl = url("unsubscribe", token(mail, "unsubscribe", 1));
        assertThat(mail.to()).containsExactly("ann@example.org");
        assertThat(mail.subject()).isEqualTo("Bob replied to your comment on The Blog");
        assertThat(mail.headers()).isEqualTo(Map.of("List-Unsubscribe", "<" + muteUrl + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click", "Auto-Submitted", "auto-generated"));
        assertThat(mail.text()).isEqualTo("""
                Bob replied to your comment of 29 November 2026, 10:01 UTC:

                > Welcome, <Ann> & co.

                Read it and answer: https://blog.example/posts/hello-world#c-%s

                -- \n\
                Stop mails about replies in this thread: %s
                Stop every mail from The Blog: %s
                """.formatted(reply.id().value(), muteUrl, allUrl));
        assertThat(mail.html()).contains("<blockquote><p>Welcome, &lt;Ann&gt; &amp; co.</p></blockquote>")
                .contains("<a href=\"" + muteUrl.replace("&", "&amp;") + "\">Stop mails about replies in this thread</a>")
                .doesNotContain(early.id().value());
    }

    @Test
    void theThreadLinkMutesOneThreadAndTheGlobalLinkStopsEverything() {
        ThreadKey other = ThreadKey.of("second-post");
        Comment ann = confirmedWatcher("Ann", "On the first post.", thread);
        Comment annElsewhere = post("Ann", "On the second post.", other, null);
        notifier.watch(annElsewhere);
        post("Bob", "Reply one.", thread, ann);
        clock.advance(Duration.ofMinutes(10));
        work();
        SmtpServer.Received first = smtp.received().get(smtp.received().size() - 1);

        assertThat(notifier.unsubscribe(token(first, "unsubscribe", 0))).isPresent();
        post("Cat", "Muted reply.", thread, ann);
        post("Dan", "Reply on the other post.", other, annElsewhere);
        clock.advance(Duration.ofMinutes(10));
        work();
        assertThat(lastSubjects(2)).containsExactly("Bob replied to your comment on The Blog",
                "Dan replied to your comment on The Blog");

        assertThat(notifier.unsubscribe(token(first, "unsubscribe", 1))).isPresent();
        int before = smtp.received().size();
        post("Eve", "After the global unsubscribe.", other, annElsewhere);
        clock.advance(Duration.ofMinutes(10));
        work();
        assertThat(smtp.received()).hasSize(before);
        assertThat(backend.subscriptions().find("ann@example.org").orElseThrow().state())
                .isEqualTo(AddressState.UNSUBSCRIBED);
    }

    @Test
    void repliesWithinTheWindowArriveAsOneMail() {
        Comment ann = confirmedWatcher("Ann", "First!", thread);
        int before = smtp.received().size();
        post("Bob", "One.", thread, ann);
        post("Cat", "Two.", thread, ann);
        post("Dan", "Three.", thread, ann);
        clock.advance(Duration.ofMinutes(10));
        work();

        List<SmtpServer.Received> mails = smtp.received().subList(before, smtp.received().size());
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("3 new replies to your comments on The Blog");
            assertThat(mail.text()).containsSubsequence("Bob replied", "> One.", "Cat replied", "> Two.",
                    "Dan replied", "> Three.");
        });
    }

    @Test
    void aServerThatIsDownDelaysTheMailButLosesNone() {
        Comment ann = confirmedWatcher("Ann", "First!", thread);
        Comment bob = confirmedWatcher("Bob", "Second!", thread);
        int before = smtp.received().size();
        smtp.stop();
        post("Cat", "To Ann.", thread, ann);
        post("Dan", "To Bob.", thread, bob);
        post("Eve", "Held for the moderator? No: to Ann again.", thread, ann);
        clock.advance(Duration.ofMinutes(10));
        assertThat(notifier.runDue("worker-1")).isEqualTo(new WorkResult(0, 3, 0, 0));

        smtp.start();
        clock.advance(Duration.ofSeconds(59));
        assertThat(notifier.runDue("worker-1")).isEqualTo(WorkResult.NONE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(notifier.runDue("worker-1")).isEqualTo(new WorkResult(2, 0, 0, 0));

        List<SmtpServer.Received> mails = smtp.received().subList(before, smtp.received().size());
        assertThat(mails).extracting(m -> m.to().get(0) + ": " + m.subject()).containsExactlyInAnyOrder(
                "ann@example.org: 2 new replies to your comments on The Blog",
                "bob@example.org: Dan replied to your comment on The Blog");
    }

    @Test
    void aHeldCommentReachesTheModeratorWhoseApproveLinkWorksOnce() {
        Settings holdAll = Settings.builder().moderateAll(true).build();
        CommentService moderated = CommentService.builder().store(backend.store()).clock(clock)
                .tokenSecret("an edit-token secret of 32 bytes or more").settings(holdAll)
                .listener(notifier.listener()).build();
        clock.advance(Duration.ofMinutes(1));
        PostResult.Accepted held = (PostResult.Accepted) moderated.post(PostRequest.builder(thread, "Approve me.")
                .author("Zoe", "zoe@example.org", null).build());
        work();

        SmtpServer.Received mail = smtp.received().get(0);
        assertThat(mail.to()).containsExactly("mod@blog.example");
        assertThat(mail.subject()).isEqualTo("Held for moderation on The Blog: Zoe");
        assertThat(mail.text()).startsWith("A comment by Zoe waits for a moderator (held: every comment is moderated):"
                + "\n\n> Approve me.\n\nApprove: " + url("moderate", token(mail, "moderate", 0)) + "\n");
        assertThat(notifier.moderate(token(mail, "moderate", 0), moderated).orElseThrow().status())
                .isEqualTo(Status.APPROVED);
        assertThat(notifier.moderate(token(mail, "moderate", 0), moderated)).isEmpty();
        assertThat(notifier.moderate(token(mail, "moderate", 2), moderated)).isEmpty();
        assertThat(moderated.find(held.comment().id()).orElseThrow().status()).isEqualTo(Status.APPROVED);
    }

    private Comment confirmedWatcher(String name, String text, ThreadKey on) {
        Comment comment = post(name, text, on, null);
        notifier.watch(comment);
        work();
        SmtpServer.Received confirmation = smtp.received().get(smtp.received().size() - 1);
        assertThat(confirmation.subject()).isEqualTo("Confirm notifications from The Blog");
        notifier.confirm(token(confirmation, "confirm", 0)).orElseThrow();
        return comment;
    }

    @Test
    void eraseForgetsASubscriberOnThisStoreAndNoMoreMailGoesToThem() {
        Comment ann = post("Ann", "Mail me replies.", thread, null);
        assertThat(notifier.watch(ann)).isEqualTo(WatchResult.CONFIRMATION_SENT);
        work();
        notifier.confirm(token(smtp.received().get(0), "confirm", 0)).orElseThrow();
        post("Bob", "A reply before the erase.", thread, ann);
        clock.advance(Duration.ofMinutes(11));
        work();
        assertThat(smtp.received()).hasSize(2);
        PrivacyTools privacy = PrivacyTools.builder().store(backend.store())
                .subscriptions(backend.subscriptions()).clock(clock).build();

        java.io.StringWriter exported = new java.io.StringWriter();
        assertThat(privacy.export("ANN@example.org ", exported)).isEqualTo(new ExportReport(1, 0, true));
        assertThat(exported.toString()).contains("Mail me replies.", "ann@example.org");
        ErasureReport erased = privacy.erase("ann@example.org", ErasureMode.ANONYMIZE, false);

        assertThat(erased.anonymized()).isEqualTo(1);
        assertThat(erased.subscriptionRows()).isEqualTo(2);
        assertThat(privacy.erase("ann@example.org", ErasureMode.ANONYMIZE, false))
                .isEqualTo(new ErasureReport(0, 0, 0, 0));
        Comment stored = backend.store().find(ann.id()).orElseThrow();
        assertThat(stored.author().email()).isNull();
        assertThat(stored.author().ip()).isNull();
        assertThat(stored.author().userAgent()).isNull();
        assertThat(stored.text()).doesNotContain("Mail me replies.");
        assertThat(backend.subscriptions().find("ann@example.org")).isEmpty();
        assertThat(backend.subscriptions().watcher(ann.id())).isEmpty();

        post("Bob", "A reply after the erase.", thread, ann);
        clock.advance(Duration.ofMinutes(11));
        work();
        assertThat(smtp.received()).hasSize(2);
    }

    private Comment post(String name, String text, ThreadKey on, Comment parent) {
        clock.advance(Duration.ofMinutes(1));
        PostResult result = service.post(PostRequest.builder(on, text)
                .author(name, name.toLowerCase(Locale.ROOT) + "@example.org", null)
                .inReplyTo(parent == null ? null : parent.id())
                .build());
        assertThat(result).isInstanceOf(PostResult.Accepted.class);
        return ((PostResult.Accepted) result).comment();
    }

    private void work() {
        WorkResult result = notifier.runDue("worker-1");
        assertThat(result.retried() + result.gaveUp()).as("failed mails in %s", result).isZero();
    }

    private List<String> lastSubjects(int count) {
        List<SmtpServer.Received> all = smtp.received();
        return all.subList(all.size() - count, all.size()).stream().map(SmtpServer.Received::subject).toList();
    }

    private static String url(String page, String token) {
        return BASE + "notify/" + page + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String token(SmtpServer.Received mail, String page, int index) {
        Matcher m = LINK.matcher(mail.text());
        int found = 0;
        while (m.find()) {
            if (m.group(1).equals(page) && found++ == index) {
                return URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + page + " link #" + index + " in:\n" + mail.text());
    }
}
