package dev.parley.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.CommentService;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.ReplyPage;
import dev.parley.core.Settings;
import dev.parley.core.ThreadPage;
import dev.parley.core.Viewer;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Order;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A cut root carries its "more replies" marker in the JSON, and a page of replies names each top-level parent. */
class MoreRepliesJsonTest {

    private static final ThreadKey THREAD = ThreadKey.of("hello-world");

    private final AtomicInteger ids = new AtomicInteger();
    private final CommentService service = CommentService.builder()
            .store(new InMemoryCommentStore())
            .clock(Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC))
            .tokenSecret("0123456789abcdef0123456789abcdef-json")
            .renderer((raw, format) -> "<p>" + raw + "</p>")
            .settings(Settings.builder().holdNewAuthors(false).floodInterval(Duration.ZERO)
                    .repliesPerRoot(1).repliesPerPage(2).build())
            .ids(() -> CommentId.of("c" + ids.incrementAndGet()))
            .build();
    private final CommentJson json = CommentJson.create()
            .withRepliesLinks((root, cursor) -> "/r/" + root.id().value() + "?after=" + cursor);

    private Comment post(String text, CommentId parent) {
        return ((PostResult.Accepted) service.post(PostRequest.builder(THREAD, text)
                .author("Ann", "ann@example.org", null).inReplyTo(parent).build())).comment();
    }

    @Test
    void aCutRootCarriesCountCursorAndHrefAndThePageOfRepliesNamesParents() {
        Comment root = post("root", null);
        Comment one = post("one", root.id());
        post("two", one.id());
        post("three", root.id());

        ThreadPage page = service.page(THREAD, Order.OLDEST_FIRST, null, 10, Viewer.anonymous());
        String thread = json.write(json.toPublic(page));
        ReplyPage rest = service.replies(root.id(),
                page.roots().get(0).moreReplies().orElseThrow().cursor(), Viewer.anonymous()).orElseThrow();
        String replies = json.write(json.toPublic(rest));

        assertThat(thread).isEqualTo("""
                {"thread":"hello-world","order":"oldest","total":4,"comments":[\
                {"id":"c1","kind":"comment","author":{"name":"Ann"},"html":"<p>root</p>",\
                "created":"2026-11-29T10:00:00Z","depth":0,"placeholder":false,"replies":[\
                {"id":"c2","kind":"comment","author":{"name":"Ann"},"html":"<p>one</p>",\
                "created":"2026-11-29T10:00:00Z","depth":1,"placeholder":false,"replies":[]}],\
                "moreReplies":{"count":2,"cursor":"1.1795946400.000000.c2",\
                "href":"/r/c1?after=1.1795946400.000000.c2"}}]}""");
        assertThat(replies).isEqualTo("""
                {"thread":"hello-world","root":{"id":"c1","kind":"comment","author":{"name":"Ann"},\
                "html":"<p>root</p>","created":"2026-11-29T10:00:00Z","depth":0,"placeholder":false,"replies":[]},\
                "replies":[{"id":"c3","kind":"comment","author":{"name":"Ann"},"html":"<p>two</p>",\
                "created":"2026-11-29T10:00:00Z","depth":2,"placeholder":false,"replies":[],"parent":"c2"},\
                {"id":"c4","kind":"comment","author":{"name":"Ann"},"html":"<p>three</p>",\
                "created":"2026-11-29T10:00:00Z","depth":1,"placeholder":false,"replies":[],"parent":"c1"}]}""");
    }
}
