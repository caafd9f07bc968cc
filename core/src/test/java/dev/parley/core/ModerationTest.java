package dev.parley.core;

import static dev.parley.core.Fixture.THREAD;
import static dev.parley.core.Fixture.by;
import static dev.parley.core.Fixture.html;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.moderation.Decision;
import dev.parley.core.moderation.ModerationPipeline;
import dev.parley.core.moderation.ModerationRule;
import dev.parley.core.moderation.RejectCode;
import dev.parley.core.moderation.Rules;
import dev.parley.core.moderation.SpamCheck;
import dev.parley.core.moderation.SpamCheckRequest;
import dev.parley.core.moderation.SpamCheckResult;
import dev.parley.storage.Comment;
import dev.parley.storage.Status;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every default rule through the service, with the exact reason it stores. */
class ModerationTest {

    @Nested
    class Links {

        private final Fixture f = new Fixture();

        @Test
        void oneLinkPasses() {
            assertThat(f.accepted(html("Ann", "see <a href=\"https://a.example\">a</a>")).status())
                    .isEqualTo(Status.APPROVED);
        }

        @Test
        void twoOrMoreLinksHold() {
            Comment c = f.accepted(html("Ann", "<a href=\"https://a.example\">a</a> <a href=\"https://b.example\">b</a>"
                    + " <a href=\"https://c.example\">c</a>"));

            assertThat(c.status()).isEqualTo(Status.PENDING);
            assertThat(c.moderationReason()).isEqualTo("held: 3 links, limit 2");
        }

        @Test
        void limitIsASetting() {
            Fixture loose = new Fixture(s -> s.linkLimit(4));
            assertThat(loose.accepted(html("Ann", "<a href=\"https://a.example\">a</a> <a href=\"https://b.example\">b</a>"))
                    .status()).isEqualTo(Status.APPROVED);
        }
    }

    @Nested
    class WordLists {

        @ParameterizedTest(name = "a hold word in the {5} holds")
        @CsvSource(delimiter = '|', textBlock = """
                Ann           | ann@example.org       | https://ann.example/        | nice post    | 203.0.113.1 | text
                Casino Ann    | ann@example.org       | https://ann.example/        | nice post    | 203.0.113.1 | author name
                Ann           | ann@casino.example    | https://ann.example/        | nice post    | 203.0.113.1 | author email
                Ann           | ann@example.org       | https://casino.example/     | nice post    | 203.0.113.1 | author url
                Ann           | ann@example.org       | https://ann.example/        | nice post    | 198.51.100.9 | ip
                Ann           | ann@example.org       | https://ann.example/        | nice post    | 203.0.113.1 | user agent
                """)
        void holdWordsMatchEveryField(String name, String email, String url, String text, String ip, String field) {
            Fixture f = new Fixture(s -> s.holdWords(List.of("CASINO", "198.51.100.", "evilbot")));
            String textWithWord = field.equals("text") ? "try the Casino!" : text;
            String agent = field.equals("user agent") ? "EvilBot/1.0" : "Firefox";
            Comment c = f.accepted(PostRequest.builder(THREAD, textWithWord).author(name, email, url)
                    .client(ClientContext.of(ip, agent)));

            assertThat(c.status()).isEqualTo(Status.PENDING);
            String word = switch (field) {
                case "ip" -> "198.51.100.";
                case "user agent" -> "evilbot";
                default -> "casino";
            };
            assertThat(c.moderationReason()).isEqualTo("held: matched hold word \"" + word + "\" in " + field);
        }

        @Test
        void wordsSplitByTagsAreFoundInTheTextWithTagsStripped() {
            Fixture f = new Fixture(s -> s.holdWords(List.of("casino")));
            Comment c = f.accepted(html("Ann", "visit the ca<b></b>sino"));

            assertThat(c.moderationReason()).isEqualTo("held: matched hold word \"casino\" in text without tags");
        }

        @Test
        void blockWordsMarkSpamAndWinOverHolds() {
            Fixture f = new Fixture(s -> s.holdWords(List.of("pills")).blockWords(List.of(" viagra ", "")));
            Comment c = f.accepted(by("Ann", "cheap pills and VIAGRA here"));

            assertThat(c.status()).isEqualTo(Status.SPAM);
            assertThat(c.moderationReason()).isEqualTo("spam: matched block word \"viagra\" in text");
        }
    }

    @Nested
    class Flood {

        private final Fixture f = new Fixture();

        @Test
        void secondCommentFromSameIpWithinIntervalIsRejected() {
            f.accepted(by("Ann", "first").client(ClientContext.of("203.0.113.7", null)));
            f.clock.advance(Duration.ofSeconds(4));

            PostResult second = f.service.post(PostRequest.builder(THREAD, "second")
                    .author("Bob", "bob@example.org", null).client(ClientContext.of("203.0.113.7", null)).build());

            assertThat(second).isEqualTo(new PostResult.Rejected(RejectCode.FLOOD, null,
                    "You are posting comments too quickly. Please slow down.", Duration.ofSeconds(11)));
        }

        @Test
        void theWaitIsRoundedUpToWholeSecondsSoARetryIsNeverEarly() {
            f.accepted(by("Ann", "first").client(ClientContext.of("203.0.113.7", null)));
            f.clock.advance(Duration.ofMillis(14_200));

            PostResult second = f.service.post(by("Ann", "second").client(ClientContext.of("203.0.113.7", null))
                    .build());

            assertThat(((PostResult.Rejected) second).retryAfter()).isEqualTo(Duration.ofSeconds(1));
            f.clock.advance(Duration.ofSeconds(1));
            assertThat(f.service.post(by("Ann", "second").client(ClientContext.of("203.0.113.7", null)).build()))
                    .isInstanceOf(PostResult.Accepted.class);
        }

        @Test
        void rejectionsThatWaitingDoesNotCureCarryNoWait() {
            f.accepted(by("Ann", "first"));
            f.clock.advance(Duration.ofMinutes(1));

            assertThat(f.service.post(by("Ann", "first").build()))
                    .isEqualTo(new PostResult.Rejected(RejectCode.DUPLICATE, null, Engine.message(RejectCode.DUPLICATE)));
        }

        @Test
        void sameEmailFromAnotherIpCountsToo() {
            f.accepted(by("Ann", "first").client(ClientContext.of("203.0.113.7", null)));
            f.clock.advance(Duration.ofSeconds(14));

            assertThat(f.service.post(by("Ann", "second").client(ClientContext.of("198.51.100.1", null)).build()))
                    .extracting(r -> ((PostResult.Rejected) r).code()).isEqualTo(RejectCode.FLOOD);
        }

        @Test
        void afterTheIntervalTheClientMayPostAgain() {
            f.accepted(by("Ann", "first").client(ClientContext.of("203.0.113.7", null)));
            f.clock.advance(Duration.ofSeconds(15));

            assertThat(f.service.post(by("Ann", "second").client(ClientContext.of("203.0.113.7", null)).build()))
                    .isInstanceOf(PostResult.Accepted.class);
        }

        @Test
        void otherClientsAreNotSlowedDown() {
            f.accepted(by("Ann", "first").client(ClientContext.of("203.0.113.7", null)));

            assertThat(f.service.post(by("Bob", "right after").client(ClientContext.of("203.0.113.8", null)).build()))
                    .isInstanceOf(PostResult.Accepted.class);
        }

        @Test
        void reasonNamesWhatMatchedWhenRunInReportOnlyMode() {
            Fixture trial = new Fixture(s -> s.reportOnly(Set.of("flood")));
            trial.accepted(by("Ann", "first").client(ClientContext.of("203.0.113.7", null)));
            trial.clock.advance(Duration.ofSeconds(4));

            PostResult second = trial.service.post(by("Bob", "second").client(ClientContext.of("203.0.113.7", null))
                    .build());

            assertThat(((PostResult.Accepted) second).comment().moderationReason()).isEqualTo(
                    "approved: no rule objected; report-only: would reject: flood: previous comment from the same ip"
                            + " 4 s ago, interval 15 s");
        }
    }

    @Nested
    class Duplicates {

        private final Fixture f = new Fixture();

        @Test
        void sameAuthorSameTextSamePlaceIsRejected() {
            f.accepted(by("Ann", "Great post!"));

            assertThat(f.post(by("Ann", "  Great post!  "))).isEqualTo(new PostResult.Rejected(RejectCode.DUPLICATE,
                    null, "Duplicate comment detected; it looks as though you have already said that."));
        }

        @Test
        void sameTextAsAReplyToAnotherCommentIsNotADuplicate() {
            Comment root = f.accepted(by("Bob", "question"));
            Comment reply = f.accepted(by("Ann", "+1").inReplyTo(root.id()));

            assertThat(f.post(by("Ann", "+1"))).isInstanceOf(PostResult.Accepted.class);
            assertThat(f.post(by("Ann", "+1").inReplyTo(root.id())))
                    .extracting(r -> ((PostResult.Rejected) r).code()).isEqualTo(RejectCode.DUPLICATE);
            assertThat(reply.depth()).isEqualTo(1);
        }

        @Test
        void anotherAuthorMaySayTheSame() {
            f.accepted(by("Ann", "+1"));

            assertThat(f.post(by("Bob", "+1"))).isInstanceOf(PostResult.Accepted.class);
        }

        @Test
        void aDeletedCommentMayBePostedAgain() {
            Comment first = f.accepted(by("Ann", "oops"));
            f.service.delete(first.id());

            assertThat(f.post(by("Ann", "oops"))).isInstanceOf(PostResult.Accepted.class);
        }
    }

    @Nested
    class KnownAuthors {

        private final Fixture f = new Fixture(s -> s.holdNewAuthors(true));

        @Test
        void firstCommentOfANewAuthorIsHeld() {
            Comment c = f.accepted(by("Ann", "hello"));

            assertThat(c.status()).isEqualTo(Status.PENDING);
            assertThat(c.moderationReason()).isEqualTo("held: author has no approved comment");
        }

        @Test
        void authorWithAnApprovedCommentIsApproved() {
            f.service.approve(f.accepted(by("Ann", "hello")).id());

            Comment second = f.accepted(by("Ann", "me again"));

            assertThat(second.status()).isEqualTo(Status.APPROVED);
            assertThat(second.moderationReason()).isEqualTo("approved: author has an approved comment");
        }

        @Test
        void sameNameWithAnotherEmailIsNotTheSameAuthor() {
            f.service.approve(f.accepted(by("Ann", "hello")).id());

            Comment impostor = f.accepted(PostRequest.builder(THREAD, "hi").author("Ann", "ann@evil.example", null));

            assertThat(impostor.status()).isEqualTo(Status.PENDING);
        }

        @Test
        void aKnownAuthorIsStillHeldForTooManyLinks() {
            f.service.approve(f.accepted(by("Ann", "hello")).id());

            Comment c = f.accepted(html("Ann", "<a href=\"https://a.example\">a</a><a href=\"https://b.example\">b</a>"));

            assertThat(c.moderationReason()).isEqualTo("held: 2 links, limit 2");
        }

        @Test
        void moderateEverythingHoldsEvenKnownAuthors() {
            Fixture all = new Fixture(s -> s.moderateAll(true));
            all.service.approve(all.accepted(by("Ann", "hello")).id());

            Comment c = all.accepted(by("Ann", "again"));

            assertThat(c.status()).isEqualTo(Status.PENDING);
            assertThat(c.moderationReason()).isEqualTo("held: every comment is moderated");
        }
    }

    @Nested
    class ReportOnly {

        @Test
        void reportOnlyRuleRecordsWhatItWouldHaveDoneWithoutActing() {
            Fixture f = new Fixture(s -> s.reportOnly(Set.of("links")));
            Comment c = f.accepted(html("Ann", "<a href=\"https://a.example\">a</a> <a href=\"https://b.example\">b</a>"
                    + " <a href=\"https://c.example\">c</a>"));

            assertThat(c.status()).isEqualTo(Status.APPROVED);
            assertThat(c.moderationReason())
                    .isEqualTo("approved: no rule objected; report-only: would hold: 3 links, limit 2");
        }

        @Test
        void reportOnlyFindingsFollowTheWinningReason() {
            Fixture f = new Fixture(s -> s.holdWords(List.of("casino")).reportOnly(Set.of("links")));
            Comment c = f.accepted(html("Ann", "casino <a href=\"https://a.example\">a</a> <a href=\"https://b.example\">b</a>"));

            assertThat(c.moderationReason()).isEqualTo(
                    "held: matched hold word \"casino\" in text; report-only: would hold: 2 links, limit 2");
        }
    }

    @Nested
    class SpamChecks {

        private final AtomicReference<SpamCheckRequest> seen = new AtomicReference<>();

        private SpamCheck check(SpamCheck.FailureMode mode, SpamCheckResult answer, boolean fail) {
            return new SpamCheck() {
                @Override
                public String name() {
                    return "fake";
                }

                @Override
                public FailureMode failureMode() {
                    return mode;
                }

                @Override
                public SpamCheckResult check(SpamCheckRequest request) throws IOException {
                    seen.set(request);
                    if (fail) {
                        throw new IOException("connection refused");
                    }
                    return answer;
                }
            };
        }

        private Fixture with(SpamCheck check) {
            return new Fixture(s -> s, b -> b.spamCheck(check));
        }

        @Test
        void checkReceivesAkismetFields() {
            Fixture f = with(check(SpamCheck.FailureMode.FAIL_OPEN, SpamCheckResult.ham("fine"), false));
            Comment root = f.accepted(by("Ann", "root"));
            f.accepted(by("Bob", "Buy now").url("https://bob.example/").inReplyTo(root.id())
                    .client(new ClientContext("203.0.113.9", "Agent/1", "https://blog.example/ref",
                            "https://blog.example/hello-world")));

            assertThat(seen.get()).isEqualTo(new SpamCheckRequest("203.0.113.9", "Agent/1", "https://blog.example/ref",
                    "https://blog.example/hello-world", "reply", "Bob", "bob@example.org", "https://bob.example/",
                    "Buy now", null, "UTF-8"));
        }

        @Test
        void spamAnswerMarksSpam() {
            Fixture f = with(check(SpamCheck.FailureMode.FAIL_OPEN, SpamCheckResult.spam("fake says spam"), false));
            Comment c = f.accepted(by("Ann", "hi"));

            assertThat(c.status()).isEqualTo(Status.SPAM);
            assertThat(c.moderationReason()).isEqualTo("spam: fake: fake says spam");
        }

        @Test
        void hamAndUnknownDecideNothing() {
            assertThat(with(check(SpamCheck.FailureMode.FAIL_OPEN, SpamCheckResult.ham("ok"), false))
                    .accepted(by("Ann", "hi")).moderationReason()).isEqualTo("approved: no rule objected");
            assertThat(with(check(SpamCheck.FailureMode.FAIL_OPEN, SpamCheckResult.unknown("?"), false))
                    .accepted(by("Ann", "hi")).status()).isEqualTo(Status.APPROVED);
        }

        @Test
        void failOpenCheckLetsTheCommentThroughAndNotesTheFailure() {
            Comment c = with(check(SpamCheck.FailureMode.FAIL_OPEN, SpamCheckResult.ham("ok"), true))
                    .accepted(by("Ann", "hi"));

            assertThat(c.status()).isEqualTo(Status.APPROVED);
            assertThat(c.moderationReason())
                    .isEqualTo("approved: no rule objected; spam check fake failed, let through: connection refused");
        }

        @Test
        void failClosedCheckHoldsTheComment() {
            Comment c = with(check(SpamCheck.FailureMode.FAIL_CLOSED, SpamCheckResult.ham("ok"), true))
                    .accepted(by("Ann", "hi"));

            assertThat(c.status()).isEqualTo(Status.PENDING);
            assertThat(c.moderationReason()).isEqualTo("held: spam check fake failed: connection refused");
        }

        @Test
        void checkIsNotConsultedOnceARuleMarkedSpam() {
            Fixture f = new Fixture(s -> s.blockWords(List.of("viagra")),
                    b -> b.spamCheck(check(SpamCheck.FailureMode.FAIL_OPEN, SpamCheckResult.ham("ok"), false)));
            f.accepted(by("Ann", "viagra"));

            assertThat(seen.get()).isNull();
        }
    }

    @Nested
    class CustomPipelines {

        @Test
        void hostRuleRejectionReachesThePosterAsBlocked() {
            ModerationRule noShouting = new ModerationRule() {
                @Override
                public String name() {
                    return "no-shouting";
                }

                @Override
                public Optional<Decision> evaluate(dev.parley.core.moderation.Submission s,
                        dev.parley.core.moderation.RuleContext c) {
                    return s.text().equals(s.text().toUpperCase(java.util.Locale.ROOT))
                            ? Optional.of(Decision.reject(RejectCode.BLOCKED, "all capitals"))
                            : Optional.empty();
                }
            };
            Fixture f = new Fixture(s -> s, b -> b.pipeline(ModerationPipeline.builder().rule(noShouting).build()));

            assertThat(f.post(by("Ann", "HELLO"))).isEqualTo(new PostResult.Rejected(RejectCode.BLOCKED, null,
                    "Your comment could not be accepted."));
            assertThat(f.post(by("Ann", "hello"))).isInstanceOf(PostResult.Accepted.class);
        }

        @Test
        void defaultRuleNamesAreTheDocumentedOnes() {
            assertThat(new Fixture(s -> s.moderateAll(true)).service.pipeline().ruleNames())
                    .containsExactlyElementsOf(Settings.DEFAULT_RULE_NAMES);
        }
    }
}
