package dev.parley.core;

import static dev.parley.core.Fixture.THREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.content.InputFormat;
import dev.parley.core.json.CommentJson;
import dev.parley.core.json.PublicThread;
import dev.parley.core.moderation.AkismetSpamCheck;
import dev.parley.core.moderation.Decision;
import dev.parley.core.moderation.ModerationPipeline;
import dev.parley.core.moderation.RejectCode;
import dev.parley.core.moderation.Rules;
import dev.parley.core.moderation.SpamCheckResult;
import dev.parley.core.moderation.Submission;
import dev.parley.core.moderation.Verdict;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Acceptance: every public method refuses null and out-of-range arguments with a message naming them. */
class ArgumentChecksTest {

    private static final CommentService SERVICE = new Fixture().service;
    private static final CommentId ID = CommentId.of("c1");
    private static final EditToken TOKEN = new EditToken("c1.1.AAAA");
    private static final PageRequest PAGE = PageRequest.first(Order.OLDEST_FIRST, 10);
    private static final Comment COMMENT = Comment.builder().id(ID).thread(THREAD).author(Author.named("Ann"))
            .text("x").createdAt(Fixture.START).build();

    private static Arguments npe(String method, String argument, ThrowingCallable call) {
        return Arguments.of(method, NullPointerException.class, argument, call);
    }

    private static Arguments iae(String method, String argument, ThrowingCallable call) {
        return Arguments.of(method, IllegalArgumentException.class, argument, call);
    }

    static Stream<Arguments> serviceCalls() {
        return Stream.of(
                npe("post", "request", () -> SERVICE.post(null)),
                npe("check", "request", () -> SERVICE.check(null)),
                npe("recordLinkback", "request", () -> SERVICE.recordLinkback(null)),
                npe("updateLinkback", "request", () -> SERVICE.updateLinkback(null)),
                npe("removeLinkback", "thread", () -> SERVICE.removeLinkback(null, "https://a.example/")),
                npe("removeLinkback", "source url", () -> SERVICE.removeLinkback(THREAD, null)),
                npe("editByAuthor", "id", () -> SERVICE.editByAuthor(null, TOKEN, "x", InputFormat.PLAIN_TEXT)),
                npe("editByAuthor", "token", () -> SERVICE.editByAuthor(ID, null, "x", InputFormat.PLAIN_TEXT)),
                npe("editByAuthor", "text", () -> SERVICE.editByAuthor(ID, TOKEN, null, InputFormat.PLAIN_TEXT)),
                npe("editByAuthor", "format", () -> SERVICE.editByAuthor(ID, TOKEN, "x", null)),
                npe("deleteByAuthor", "id", () -> SERVICE.deleteByAuthor(null, TOKEN)),
                npe("deleteByAuthor", "token", () -> SERVICE.deleteByAuthor(ID, null)),
                npe("editToken", "id", () -> SERVICE.editToken(null, Viewer.anonymous())),
                npe("editToken", "viewer", () -> SERVICE.editToken(ID, null)),
                npe("editableUntil", "viewer", () -> SERVICE.editableUntil(null)),
                npe("changeableUntil", "viewer", () -> SERVICE.changeableUntil(null)),
                npe("editAsModerator", "id", () -> SERVICE.editAsModerator(null, "x", InputFormat.HTML)),
                npe("editAsModerator", "text", () -> SERVICE.editAsModerator(ID, null, InputFormat.HTML)),
                npe("editAsModerator", "format", () -> SERVICE.editAsModerator(ID, "x", null)),
                npe("approve", "id", () -> SERVICE.approve(null)),
                npe("hold", "id", () -> SERVICE.hold(null)),
                npe("markSpam", "id", () -> SERVICE.markSpam(null)),
                npe("moderate", "id", () -> SERVICE.moderate(null, ModeratorAction.APPROVE, 0)),
                npe("moderate", "action", () -> SERVICE.moderate(ID, null, 0)),
                npe("delete", "id", () -> SERVICE.delete(null)),
                npe("restore", "id", () -> SERVICE.restore(null)),
                npe("purge", "id", () -> SERVICE.purge(null)),
                npe("page", "thread", () -> SERVICE.page(null, Order.OLDEST_FIRST, null, 10, Viewer.anonymous())),
                npe("page", "order", () -> SERVICE.page(THREAD, null, null, 10, Viewer.anonymous())),
                npe("page", "viewer", () -> SERVICE.page(THREAD, Order.OLDEST_FIRST, null, 10, null)),
                iae("page", "limit", () -> SERVICE.page(THREAD, Order.OLDEST_FIRST, null, 0, Viewer.anonymous())),
                iae("page", "limit", () -> SERVICE.page(THREAD, Order.OLDEST_FIRST, null, 1001, Viewer.anonymous())),
                npe("locate", "id", () -> SERVICE.locate(null, Order.OLDEST_FIRST, Viewer.anonymous())),
                npe("locate", "order", () -> SERVICE.locate(ID, null, Viewer.anonymous())),
                npe("locate", "viewer", () -> SERVICE.locate(ID, Order.OLDEST_FIRST, null)),
                npe("replies", "root", () -> SERVICE.replies(null, null, Viewer.anonymous())),
                npe("replies", "viewer", () -> SERVICE.replies(ID, null, null)),
                npe("find", "id", () -> SERVICE.find(null)),
                npe("counts", "threads", () -> SERVICE.counts(null)),
                npe("counts", "threads", () -> SERVICE.counts(Arrays.asList(THREAD, null))),
                iae("counts", "threads", () -> SERVICE.counts(java.util.Collections.nCopies(1001, THREAD))),
                npe("threadState", "thread", () -> SERVICE.threadState(null)),
                npe("moderationQueue", "request", () -> SERVICE.moderationQueue(null)),
                npe("queue", "statuses", () -> SERVICE.queue(null, PAGE)),
                npe("queue", "request", () -> SERVICE.queue(Set.of(Status.SPAM), null)),
                iae("queue", "statuses", () -> SERVICE.queue(Set.of(), PAGE)),
                npe("search", "search", () -> SERVICE.search(null, PAGE)),
                npe("search", "request", () -> SERVICE.search(
                        dev.parley.storage.CommentSearch.of(Set.of(Status.SPAM)), null)),
                npe("visibleReplies", "comments", () -> SERVICE.visibleReplies(null)),
                npe("visibleReplies", "comments", () -> SERVICE.visibleReplies(Arrays.asList(COMMENT, null))),
                iae("visibleReplies", "comments",
                        () -> SERVICE.visibleReplies(java.util.Collections.nCopies(1001, COMMENT))),
                iae("recent", "limit", () -> SERVICE.recent(0)),
                iae("recent", "limit", () -> SERVICE.recent(1001)),
                npe("defaultRules", "settings", () -> CommentService.defaultRules(null)));
    }

    static Stream<Arguments> valueCalls() {
        Author author = Author.named("Ann");
        return Stream.of(
                npe("PostRequest.builder", "thread", () -> PostRequest.builder(null, "x")),
                npe("PostRequest.builder", "text", () -> PostRequest.builder(THREAD, null)),
                npe("PostRequest.Builder.user", "user id", () -> PostRequest.builder(THREAD, "x").user(null, "n")),
                npe("PostRequest.Builder.user", "display name", () -> PostRequest.builder(THREAD, "x").user("u", null)),
                npe("PostRequest.Builder.format", "format", () -> PostRequest.builder(THREAD, "x").format(null)),
                npe("PostRequest.Builder.client", "client", () -> PostRequest.builder(THREAD, "x").client(null)),
                iae("ClientContext", "ip", () -> new ClientContext("1".repeat(65), null, null, null)),
                npe("Closing.at", "instant", () -> Closing.at(null)),
                npe("Closing.after", "published", () -> Closing.after(null, Duration.ZERO)),
                npe("Closing.after", "period", () -> Closing.after(Instant.EPOCH, null)),
                iae("Closing.after", "period", () -> Closing.after(Instant.EPOCH, Duration.ofDays(-1))),
                npe("Closing.isClosedAt", "now", () -> Closing.open().isClosedAt(null)),
                npe("EditToken", "token value", () -> new EditToken(null)),
                iae("EditToken", "token value", () -> new EditToken(" ")),
                npe("Viewer", "edit tokens", () -> new Viewer(null, null, false)),
                iae("Viewer", "edit tokens", () -> new Viewer(manyTokens(), null, false)),
                iae("Viewer", "user id", () -> new Viewer(Set.of(), " ", false)),
                npe("Viewer.user", "user id", () -> Viewer.user(null)),
                npe("LinkbackRequest", "thread", () -> new LinkbackRequest(null, Kind.PINGBACK, "https://a.example/", "", "",
                        null, ClientContext.none())),
                iae("LinkbackRequest", "kind", () -> new LinkbackRequest(THREAD, Kind.COMMENT, "https://a.example/", "", "",
                        null, ClientContext.none())),
                iae("LinkbackRequest", "source url", () -> new LinkbackRequest(THREAD, Kind.PINGBACK, "ftp://a.example/",
                        "", "", null, ClientContext.none())),
                npe("ThreadNode", "comment", () -> new ThreadNode(null)),
                npe("Decision", "reason", () -> Decision.hold(null)),
                iae("Decision", "reason", () -> Decision.hold(" ")),
                iae("Decision", "reason", () -> Decision.hold("x".repeat(301))),
                npe("Decision.reject", "code", () -> Decision.reject(null, "x")),
                iae("Decision", "code", () -> new Decision(Verdict.HOLD, "x", RejectCode.FLOOD)),
                npe("Verdict.outranks", "other", () -> Verdict.HOLD.outranks(null)),
                npe("SpamCheckResult", "reason", () -> SpamCheckResult.spam(null)),
                npe("ModerationPipeline.evaluate", "submission",
                        () -> ModerationPipeline.builder().build().evaluate(null, new InMemoryCommentStore(), Instant.EPOCH)),
                npe("ModerationPipeline.evaluate", "store", () -> ModerationPipeline.builder().build().evaluate(
                        new Submission(THREAD, Kind.COMMENT, null, author, "x", "x", null, null, null, null), null,
                        Instant.EPOCH)),
                npe("ModerationPipeline.Builder.rule", "rule", () -> ModerationPipeline.builder().rule(null)),
                iae("ModerationPipeline.Builder.rule", "rule name",
                        () -> ModerationPipeline.builder().rule(Rules.duplicate()).rule(Rules.duplicate())),
                iae("ModerationPipeline.Builder.rules", "report only", () -> ModerationPipeline.builder()
                        .rules(List.of(Rules.duplicate()), Set.of("links"))),
                npe("Submission", "author", () -> new Submission(THREAD, Kind.COMMENT, null, null, "x", "x", null, null,
                        null, null)),
                iae("Rules.linkLimit", "limit", () -> Rules.linkLimit(0)),
                iae("Rules.flood", "interval", () -> Rules.flood(Duration.ZERO)),
                npe("Rules.holdWords", "words", () -> Rules.holdWords(null)),
                iae("Rules.knownAuthor", "lookback", () -> Rules.knownAuthor(true, 0)),
                npe("Rules.spamCheck", "check", () -> Rules.spamCheck(null, null, null)),
                npe("ThreadPage", "roots", () -> new ThreadPage(THREAD, Order.OLDEST_FIRST, null, null,
                        dev.parley.storage.StatusCounts.ZERO)),
                npe("Location", "comment", () -> new Location(null, List.of(), Order.OLDEST_FIRST, null)),
                npe("CommentJson.toPublic", "page", () -> CommentJson.create().toPublic((ThreadPage) null)),
                npe("CommentJson.toPublic", "node", () -> CommentJson.create().toPublic((ThreadNode) null)),
                npe("CommentJson.toModerator", "comment",
                        () -> CommentJson.create().toModerator((dev.parley.storage.Comment) null)),
                npe("CommentJson.toModerator", "page",
                        () -> CommentJson.create().toModerator((dev.parley.storage.Page) null)),
                npe("CommentJson.write", "view", () -> CommentJson.create().write(null)),
                npe("CommentJson.read", "json", () -> CommentJson.create().read(null, PublicThread.class)),
                npe("CommentJson.read", "type", () -> CommentJson.create().read("{}", null)),
                npe("CommentJson.withAvatars", "avatars", () -> CommentJson.withAvatars(null)),
                npe("CommentJson.withIdenticons", "prefix", () -> CommentJson.withIdenticons(null,
                        dev.parley.core.avatar.AvatarKeys.withSecret(new byte[16]))),
                npe("CommentJson.withIdenticons", "keys", () -> CommentJson.withIdenticons("/a/", null)),
                npe("AvatarKeys.withSecret", "secret", () -> dev.parley.core.avatar.AvatarKeys.withSecret(null)),
                npe("AkismetSpamCheck.check", "request", () -> AkismetSpamCheck.builder().apiKey("k")
                        .blog("https://b.example/").build().check(null)));
    }

    private static Set<EditToken> manyTokens() {
        Set<EditToken> tokens = new HashSet<>();
        for (int i = 0; i <= Viewer.MAX_TOKENS; i++) {
            tokens.add(new EditToken("t" + i));
        }
        return tokens;
    }

    @ParameterizedTest(name = "CommentService.{0} refuses a bad {2}")
    @MethodSource("serviceCalls")
    void serviceMethodsNameTheBadArgument(String method, Class<? extends Throwable> type, String argument,
            ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(argument);
    }

    @ParameterizedTest(name = "{0} refuses a bad {2}")
    @MethodSource("valueCalls")
    void valueTypesNameTheBadArgument(String method, Class<? extends Throwable> type, String argument,
            ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(type).hasMessageContaining(argument);
    }

    @Test
    void everyPublicServiceMethodWithArgumentsIsCovered() {
        Set<String> covered = serviceCalls().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        Set<String> methods = Arrays.stream(CommentService.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getParameterCount() > 0)
                .map(Method::getName)
                .collect(Collectors.toSet());

        assertThat(covered).containsAll(methods);
    }

    @Test
    void builderNamesEveryMissingPartAtOnce() {
        assertThatThrownBy(() -> CommentService.builder().tokenSecret(new byte[31]).clock(null).renderer(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot build CommentService: store must be set; clock must not be null; tokenSecret must be"
                        + " at least 32 bytes, was 31; renderer must not be null");
    }

    @Test
    void settingsNameEveryBadValueAtOnce() {
        assertThatThrownBy(() -> Settings.builder().maxDepth(0).maxTextLength(70_000).editWindow(Duration.ofDays(-1))
                .holdWords(null).reportOnly(Set.of("nonsense")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid settings: maxTextLength must be between 1 and 65535, was 70000; maxDepth must be"
                        + " between 1 and 20, was 0; editWindow must be between 0 and PT720H, was PT-24H; holdWords"
                        + " must not be null; reportOnly must name default rules [duplicate, flood, block-words,"
                        + " moderate-all, links, hold-words, known-author], unknown: [nonsense]");
    }

    @Test
    void settingsRoundTripThroughToBuilder() {
        Settings custom = Settings.builder().maxDepth(20).linkLimit(0).floodInterval(Duration.ZERO).build();

        assertThat(custom.toBuilder().build().toString()).isEqualTo(custom.toString());
        assertThat(Settings.defaults().maxDepth()).isEqualTo(5);
        assertThat(Settings.defaults().editWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(ThreadKey.of("x")).isNotNull();
    }
}
