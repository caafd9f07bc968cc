package dev.parley.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.ClientContext;
import dev.parley.core.CommentService;
import dev.parley.core.EditToken;
import dev.parley.core.LinkbackRequest;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.Settings;
import dev.parley.core.ThreadPage;
import dev.parley.core.Viewer;
import dev.parley.core.content.ContentRenderer;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class CommentJsonTest {

    private static final ThreadKey THREAD = ThreadKey.of("hello-world");
    private static final ContentRenderer RENDERER = (raw, format) -> "<p>" + raw.replace("<", "&lt;") + "</p>";

    private final AtomicInteger ids = new AtomicInteger();
    private final InMemoryCommentStore store = new InMemoryCommentStore();
    private final CommentService service = CommentService.builder()
            .store(store)
            .clock(Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC))
            .tokenSecret("0123456789abcdef0123456789abcdef-json")
            .renderer(RENDERER)
            .settings(Settings.builder().holdNewAuthors(false).floodInterval(java.time.Duration.ZERO)
                    .holdWords(java.util.List.of("hold me")).build())
            .ids(() -> CommentId.of("c" + ids.incrementAndGet()))
            .build();
    private final CommentJson json = CommentJson.withAvatars(a -> a.email() == null ? null
            : "/avatars/" + a.email().length() + ".svg");

    private PostResult.Accepted post(PostRequest.Builder request) {
        return (PostResult.Accepted) service.post(request.build());
    }

    private EditToken buildThread() {
        Comment root = post(PostRequest.builder(THREAD, "Nice post").author("Ann", "ann@example.org",
                "https://ann.example/").client(ClientContext.of("203.0.113.7", "Firefox/140"))).comment();
        Comment doomed = post(PostRequest.builder(THREAD, "Gone soon").author("Bob", "bob@example.org", null)
                .inReplyTo(root.id())).comment();
        post(PostRequest.builder(THREAD, "Thanks!").user("editor", "Post Author").trusted(true)
                .inReplyTo(doomed.id()));
        service.delete(doomed.id());
        service.recordLinkback(new LinkbackRequest(THREAD, Kind.PINGBACK, "https://friend.example/links",
                "Links of the week", "A fine post.", null, ClientContext.none()));
        return post(PostRequest.builder(THREAD, "hold me please").author("Cat", "cat@example.org", null))
                .editToken();
    }

    @Test
    void publicSchemaHasNoPrivateFieldsAndShowsPendingOnlyToItsAuthor() {
        EditToken catsToken = buildThread();
        ThreadPage page = service.page(THREAD, Order.OLDEST_FIRST, null, 10, Viewer.withTokens(Set.of(catsToken)));

        String text = json.write(json.toPublic(page));

        assertThat(text).isEqualTo("""
                {"thread":"hello-world","order":"oldest","total":3,"comments":[\
                {"id":"c1","kind":"comment","author":{"name":"Ann","url":"https://ann.example/",\
                "avatar":"/avatars/15.svg"},"html":"<p>Nice post</p>","created":"2026-11-29T10:00:00Z","depth":0,\
                "placeholder":false,"replies":[\
                {"id":"c2","kind":"comment","created":"2026-11-29T10:00:00Z","depth":1,"placeholder":true,"replies":[\
                {"id":"c3","kind":"comment","author":{"name":"Post Author"},"html":"<p>Thanks!</p>",\
                "created":"2026-11-29T10:00:00Z","depth":2,"placeholder":false,"replies":[]}]}]},\
                {"id":"c4","kind":"pingback","author":{"name":"Links of the week","url":"https://friend.example/links"},\
                "html":"<p>A fine post.</p>","created":"2026-11-29T10:00:00Z","depth":0,"placeholder":false,\
                "source":{"url":"https://friend.example/links","title":"Links of the week","type":"mention"},"replies":[]},\
                {"id":"c5","kind":"comment","author":{"name":"Cat","avatar":"/avatars/15.svg"},\
                "html":"<p>hold me please</p>","created":"2026-11-29T10:00:00Z","depth":0,"placeholder":false,\
                "status":"pending","replies":[]}]}""");
        assertThat(text).doesNotContain("@example.org", "203.0.113.7", "Firefox", "Gone soon", "Bob", "reason");
    }

    @Test
    void publicSchemaRoundTrips() {
        buildThread();
        PublicThread view = json.toPublic(service.page(THREAD, Order.NEWEST_FIRST, null, 1, Viewer.anonymous()));

        assertThat(view.next()).isNotNull();
        assertThat(json.read(json.write(view), PublicThread.class)).isEqualTo(view);
    }

    @Test
    void moderatorSchemaHoldsEverythingAndRoundTrips() {
        buildThread();
        ModeratorPage queue = json.toModerator(service.moderationQueue(PageRequest.first(Order.OLDEST_FIRST, 10)));
        ModeratorComment ann = json.toModerator(store.find(CommentId.of("c1")).orElseThrow());

        assertThat(json.write(ann)).isEqualTo("""
                {"id":"c1","thread":"hello-world","rootId":"c1","depth":0,"kind":"comment","status":"approved",\
                "reason":"approved: no rule objected","author":{"name":"Ann","email":"ann@example.org",\
                "url":"https://ann.example/","ip":"203.0.113.7","userAgent":"Firefox/140"},"text":"Nice post",\
                "html":"<p>Nice post</p>","created":"2026-11-29T10:00:00Z","updated":"2026-11-29T10:00:00Z",\
                "version":0,"attributes":{}}""");
        assertThat(queue.items()).extracting(ModeratorComment::reason)
                .containsExactly("held: matched hold word \"hold me\" in text");
        assertThat(json.read(json.write(queue), ModeratorPage.class)).isEqualTo(queue);
        assertThat(json.read(json.write(ann), ModeratorComment.class)).isEqualTo(ann);
    }

    @Test
    void avatarsComeFromGravatarOrTheHostsIdenticonRoute() {
        buildThread();
        ThreadPage page = service.page(THREAD, Order.OLDEST_FIRST, null, 1, Viewer.anonymous());
        String annHash = dev.parley.core.avatar.AvatarHash.ofEmail("ann@example.org").hex();

        dev.parley.core.avatar.AvatarKeys keys = dev.parley.core.avatar.AvatarKeys.withSecret(new byte[32]);
        String annKey = keys.of(dev.parley.core.avatar.AvatarHash.ofEmail("ann@example.org")).hex();
        assertThat(CommentJson.withIdenticons("/avatars/", keys).toPublic(page).comments().get(0).author().avatar())
                .isEqualTo("/avatars/" + annKey + ".svg")
                .doesNotContain(annHash);
        assertThat(CommentJson.withGravatar(dev.parley.core.avatar.Gravatar.builder().build()).toPublic(page)
                .comments().get(0).author().avatar()).contains(annHash);
        assertThat(CommentJson.create().toPublic(page).comments().get(0).author().avatar()).isNull();
    }

    @Test
    void readingRefusesUnknownPropertiesAndWriteRefusesForeignRecords() {
        assertThatThrownBy(() -> json.read("{\"name\":\"Ann\",\"email\":\"x@y.example\"}", PublicAuthor.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.write(new Foreign("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("view");
    }

    private record Foreign(String value) {
    }
}
