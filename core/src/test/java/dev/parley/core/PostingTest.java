package dev.parley.core;

import static dev.parley.core.Fixture.THREAD;
import static dev.parley.core.Fixture.by;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.moderation.RejectCode;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Order;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostingTest {

    private final Fixture f = new Fixture();

    @Test
    void anonymousCommentIsStoredWithAuthorClientAndRenderedHtml() {
        PostResult.Accepted result = f.acceptedResult(by("Ann", "Hello <world>")
                .url("https://ann.example/")
                .client(new ClientContext("203.0.113.7", "Firefox", "https://blog.example/p", "https://blog.example/p")));

        Comment c = result.comment();
        assertThat(c.status()).isEqualTo(Status.APPROVED);
        assertThat(c.moderationReason()).isEqualTo("approved: no rule objected");
        assertThat(c.text()).isEqualTo("Hello <world>");
        assertThat(c.html()).isEqualTo("<p>Hello &lt;world&gt;</p>");
        assertThat(c.author().name()).isEqualTo("Ann");
        assertThat(c.author().email()).isEqualTo("ann@example.org");
        assertThat(c.author().url()).isEqualTo("https://ann.example/");
        assertThat(c.author().ip()).isEqualTo("203.0.113.7");
        assertThat(c.author().userAgent()).isEqualTo("Firefox");
        assertThat(c.depth()).isZero();
        assertThat(c.createdAt()).isEqualTo(f.clock.instant());
        assertThat(f.store.find(c.id())).contains(c);
        assertThat(result.editToken().value()).startsWith(c.id().value() + ".");
    }

    @Test
    void defaultRendererSanitizesAndItsLinksAreCounted() {
        CommentService service = CommentService.builder().store(new dev.parley.storage.memory.InMemoryCommentStore())
                .tokenSecret(Fixture.SECRET).settings(Settings.builder().holdNewAuthors(false).build()).build();

        Comment c = ((PostResult.Accepted) service.post(by("Ann", "see https://a.example and https://b.example"
                + " <script>alert(1)</script>").build())).comment();

        assertThat(c.html()).contains("rel=\"nofollow ugc\"").doesNotContain("<script");
        assertThat(c.moderationReason()).isEqualTo("held: 2 links, limit 2");
    }

    @Test
    void urlTypedWithoutSchemeIsStoredAsHttps() {
        assertThat(f.accepted(by("Ann", "hi").url("ann.example/blog")).author().url())
                .isEqualTo("https://ann.example/blog");
    }

    @Test
    void hostAuthenticatedUserNeedsNoEmailAndKeepsUserId() {
        Comment c = f.accepted(PostRequest.builder(THREAD, "Thanks all").user("u-42", "Post Author"));

        assertThat(c.author().userId()).isEqualTo("u-42");
        assertThat(c.author().name()).isEqualTo("Post Author");
        assertThat(c.author().email()).isNull();
    }

    @Test
    void trustedAuthorSkipsModeration() {
        Fixture strict = new Fixture(s -> s.moderateAll(true));
        Comment c = strict.accepted(PostRequest.builder(THREAD, "Thanks").user("u-1", "Editor").trusted(true));

        assertThat(c.status()).isEqualTo(Status.APPROVED);
        assertThat(c.moderationReason()).isEqualTo("approved: posted by a trusted user");
    }

    @Nested
    class Validation {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
                name missing          | NULL  | a@b.example   | NULL                    | hi | EMPTY         | NAME
                name blank            | '  '  | a@b.example   | NULL                    | hi | EMPTY         | NAME
                email missing         | Ann   | NULL          | NULL                    | hi | EMPTY         | EMAIL
                email without at      | Ann   | ann.example   | NULL                    | hi | INVALID_FIELD | EMAIL
                email with space      | Ann   | 'a b@c.example' | NULL                  | hi | INVALID_FIELD | EMAIL
                email without domain  | Ann   | ann@          | NULL                    | hi | INVALID_FIELD | EMAIL
                url javascript        | Ann   | a@b.example   | javascript:alert(1)     | hi | INVALID_FIELD | URL
                url ftp               | Ann   | a@b.example   | ftp://files.example/    | hi | INVALID_FIELD | URL
                url relative          | Ann   | a@b.example   | /about                  | hi | INVALID_FIELD | URL
                text blank            | Ann   | a@b.example   | NULL                    | '   ' | EMPTY      | TEXT
                """)
        void rejectsBadField(String label, String name, String email, String url, String text, RejectCode code,
                InputField field) {
            PostResult result = f.post(PostRequest.builder(THREAD, text).author(name, email, url));

            assertThat(result).isInstanceOfSatisfying(PostResult.Rejected.class, r -> {
                assertThat(r.code()).isEqualTo(code);
                assertThat(r.field()).isEqualTo(field);
                assertThat(r.message()).isNotBlank();
            });
            assertThat(f.store.counts(THREAD).total()).isZero();
        }

        @Test
        void textIsCleanedOfControlCharactersAndLoneSurrogatesBeforeItIsStored() {
            Comment c = f.accepted(by("Ann", "a\u0000b\u0007c\u009B\td\r\ne \uD83D f \uDE00 g \uD83D\uDE00"));

            assertThat(c.text()).isEqualTo("abc\td\r\ne \uFFFD f \uFFFD g \uD83D\uDE00");
            assertThat(c.html()).doesNotContain("\u0000").doesNotContain("\u0007");
        }

        @Test
        void textOfOnlyControlCharactersIsEmpty() {
            assertThat(f.post(by("Ann", "\u0000\u0001 \u0002")))
                    .isInstanceOfSatisfying(PostResult.Rejected.class, r -> assertThat(r.code()).isEqualTo(RejectCode.EMPTY));
        }

        @Test
        void nameWithLoneSurrogateIsRejectedAsInvalid() {
            assertThat(f.post(by("Ann \uD83D", "hi"))).isInstanceOfSatisfying(PostResult.Rejected.class, r -> {
                assertThat(r.code()).isEqualTo(RejectCode.INVALID_FIELD);
                assertThat(r.field()).isEqualTo(InputField.NAME);
            });
        }

        @Test
        void rejectsFieldsOverTheirLimits() {
            assertThat(f.post(PostRequest.builder(THREAD, "hi").author("n".repeat(246), "a@b.example", null)))
                    .isEqualTo(new PostResult.Rejected(RejectCode.TOO_LONG, InputField.NAME,
                            "Your name is too long (at most 245 characters)."));
            String email = "a".repeat(90) + "@b.example"; // 100 characters: the limit
            assertThat(f.post(PostRequest.builder(THREAD, "one").author("Ann", email, null)))
                    .isInstanceOf(PostResult.Accepted.class);
            assertThat(f.post(PostRequest.builder(THREAD, "two").author("Ann", "x" + email, null)))
                    .isEqualTo(new PostResult.Rejected(RejectCode.TOO_LONG, InputField.EMAIL,
                            "Your e-mail address is too long (at most 100 characters)."));
            assertThat(f.post(by("Ann", "three").url("https://x.example/" + "p".repeat(190))))
                    .isEqualTo(new PostResult.Rejected(RejectCode.TOO_LONG, InputField.URL,
                            "Your web site address is too long (at most 200 characters)."));
            assertThat(f.post(by("Ann", "x".repeat(65_536))))
                    .isEqualTo(new PostResult.Rejected(RejectCode.TOO_LONG, InputField.TEXT,
                            "Your comment is too long (at most 65535 characters)."));
            assertThat(f.post(by("Ann", "x".repeat(65_535)))).isInstanceOf(PostResult.Accepted.class);
        }

        @Test
        void optionalNameAndEmailWhenSettingsAllow() {
            Fixture lenient = new Fixture(s -> s.requireName(false).requireEmail(false));
            Comment c = lenient.accepted(PostRequest.builder(THREAD, "drive-by").author(null, null, null));

            assertThat(c.author().name()).isEqualTo("Anonymous");
            assertThat(c.author().email()).isNull();
        }
    }

    @Nested
    class Replies {

        @Test
        void replyHangsUnderItsParentOneLevelDeeper() {
            Comment root = f.accepted(by("Ann", "root"));
            Comment reply = f.accepted(by("Bob", "reply").inReplyTo(root.id()));

            assertThat(reply.parentId()).isEqualTo(root.id());
            assertThat(reply.rootId()).isEqualTo(root.id());
            assertThat(reply.inReplyToId()).isEqualTo(root.id());
            assertThat(reply.depth()).isEqualTo(1);
        }

        @Test
        void replyBelowMaxDepthAttachesAtTheDeepestLevelAndRemembersWhatItAnswered() {
            Fixture shallow = new Fixture(s -> s.maxDepth(2));
            Comment root = shallow.accepted(by("Ann", "root"));
            Comment one = shallow.accepted(by("Bob", "one").inReplyTo(root.id()));
            Comment two = shallow.accepted(by("Cat", "two").inReplyTo(one.id()));
            Comment three = shallow.accepted(by("Dan", "three").inReplyTo(two.id()));
            Comment four = shallow.accepted(by("Eve", "four").inReplyTo(three.id()));

            assertThat(two.depth()).isEqualTo(2);
            assertThat(three.depth()).isEqualTo(2);
            assertThat(three.parentId()).isEqualTo(one.id());
            assertThat(three.inReplyToId()).isEqualTo(two.id());
            assertThat(four.parentId()).isEqualTo(one.id());
            assertThat(four.inReplyToId()).isEqualTo(three.id());
            assertThat(Outline.of(shallow.service.page(THREAD, Order.OLDEST_FIRST, null, 10, Viewer.anonymous())))
                    .isEqualTo("""
                            Ann: root
                              Bob: one
                                Cat: two
                                Dan: three (answers c3)
                                Eve: four (answers c4)
                            """);
        }

        @Test
        void maxDepthOneKeepsEveryReplyUnderTheRoot() {
            Fixture flat = new Fixture(s -> s.maxDepth(1));
            Comment root = flat.accepted(by("Ann", "root"));
            Comment one = flat.accepted(by("Bob", "one").inReplyTo(root.id()));
            Comment two = flat.accepted(by("Cat", "two").inReplyTo(one.id()));

            assertThat(two.parentId()).isEqualTo(root.id());
            assertThat(two.depth()).isEqualTo(1);
            assertThat(two.inReplyToId()).isEqualTo(one.id());
        }

        @Test
        void replyToMissingParentIsRejected() {
            assertThat(f.post(by("Bob", "reply").inReplyTo(CommentId.of("nope"))))
                    .isEqualTo(new PostResult.Rejected(RejectCode.BAD_PARENT, null,
                            "The comment you are replying to is not available."));
        }

        @Test
        void replyToCommentOfAnotherThreadIsRejected() {
            Comment elsewhere = f.accepted(PostRequest.builder(ThreadKey.of("other"), "x")
                    .author("Ann", "ann@example.org", null));

            assertThat(f.post(by("Bob", "reply").inReplyTo(elsewhere.id())))
                    .extracting(r -> ((PostResult.Rejected) r).code()).isEqualTo(RejectCode.BAD_PARENT);
        }

        @Test
        void replyToHeldOrDeletedCommentIsRejected() {
            Comment held = f.accepted(by("Ann", "held"));
            f.service.hold(held.id());
            Comment deleted = f.accepted(by("Bob", "deleted"));
            f.service.delete(deleted.id());

            assertThat(f.post(by("Cat", "to held").inReplyTo(held.id())))
                    .extracting(r -> ((PostResult.Rejected) r).code()).isEqualTo(RejectCode.BAD_PARENT);
            assertThat(f.post(by("Cat", "to deleted").inReplyTo(deleted.id())))
                    .extracting(r -> ((PostResult.Rejected) r).code()).isEqualTo(RejectCode.BAD_PARENT);
        }
    }

    @Nested
    class ClosedThreads {

        @Test
        void closedThreadRejectsComments() {
            Fixture closed = new Fixture(s -> s, b -> b.threadPolicy(t -> Closing.closed()));

            assertThat(closed.post(by("Ann", "late")))
                    .isEqualTo(new PostResult.Rejected(RejectCode.CLOSED, null, "Comments are closed."));
        }

        @Test
        void threadClosesNDaysAfterPublication() {
            Fixture timed = new Fixture(s -> s,
                    b -> b.threadPolicy(t -> Closing.after(Fixture.START, Duration.ofDays(14))));
            assertThat(timed.post(by("Ann", "early"))).isInstanceOf(PostResult.Accepted.class);

            timed.clock.advance(Duration.ofDays(14));

            assertThat(timed.post(by("Bob", "late")))
                    .extracting(r -> ((PostResult.Rejected) r).code()).isEqualTo(RejectCode.CLOSED);
        }
    }
}
