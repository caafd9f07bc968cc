package dev.parley.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.CommentService;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.Settings;
import dev.parley.core.ThreadNode;
import dev.parley.core.content.ContentRenderer;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("One comment rendered as JSON")
class SingleCommentJsonTest {

    private static final ThreadKey THREAD = ThreadKey.of("hello-world");
    private static final ContentRenderer RENDERER = (raw, format) -> "<p>" + raw.replace("<", "&lt;") + "</p>";

    private final AtomicInteger ids = new AtomicInteger();
    private final InMemoryCommentStore store = new InMemoryCommentStore();
    private final CommentService service = CommentService.builder()
            .store(store)
            .clock(Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC))
            .tokenSecret("0123456789abcdef0123456789abcdef-single")
            .renderer(RENDERER)
            .settings(Settings.builder().requireEmail(false).holdNewAuthors(false).floodInterval(Duration.ZERO)
                    .holdWords(List.of("hold me")).build())
            .ids(() -> CommentId.of("c" + ids.incrementAndGet()))
            .build();
    private final CommentJson json = CommentJson.create();

    private Comment post(String text, String name) {
        return ((PostResult.Accepted) service.post(PostRequest.builder(THREAD, text).author(name, null, null)
                .build())).comment();
    }

    private Comment stored(Comment comment) {
        return store.find(comment.id()).orElseThrow();
    }

    @Test
    @DisplayName("a spam comment is a placeholder for readers, as on their page: no author, text or status")
    void spamCommentIsPlaceholderForReaders() {
        Comment spam = post("Buy now", "Spammer");
        service.markSpam(spam.id());

        String text = json.write(json.toPublic(new ThreadNode(stored(spam))));

        assertThat(text).isEqualTo("""
                {"id":"c1","kind":"comment","created":"2026-11-29T10:00:00Z","depth":0,"placeholder":true,\
                "replies":[]}""");
    }

    @Test
    @DisplayName("a deleted comment is a placeholder for readers")
    void deletedCommentIsPlaceholderForReaders() {
        Comment gone = post("Gone soon", "Bob");
        service.delete(gone.id());

        String text = json.write(json.toPublic(new ThreadNode(stored(gone))));

        assertThat(text).isEqualTo("""
                {"id":"c1","kind":"comment","created":"2026-11-29T10:00:00Z","depth":0,"placeholder":true,\
                "replies":[]}""");
    }

    @Test
    @DisplayName("a moderator sees a spam comment as it is, with status spam")
    void moderatorSeesSpamAsItIs() {
        Comment spam = post("Buy now", "Spammer");
        service.markSpam(spam.id());

        String text = json.write(json.toPublic(ThreadNode.forModerator(stored(spam))));

        assertThat(text).isEqualTo("""
                {"id":"c1","kind":"comment","author":{"name":"Spammer"},"html":"<p>Buy now</p>",\
                "created":"2026-11-29T10:00:00Z","depth":0,"placeholder":false,"status":"spam","replies":[]}""");
    }

    @Test
    @DisplayName("a held comment keeps its pending status, for its author")
    void heldCommentKeepsPendingStatus() {
        Comment held = post("hold me please", "Cat");

        String text = json.write(json.toPublic(new ThreadNode(held)));

        assertThat(text).isEqualTo("""
                {"id":"c1","kind":"comment","author":{"name":"Cat"},"html":"<p>hold me please</p>",\
                "created":"2026-11-29T10:00:00Z","depth":0,"placeholder":false,"status":"pending","replies":[]}""");
    }

    @Test
    @DisplayName("the post's author is marked postAuthor true, others false, and nothing is said without the rule")
    void postAuthorMarked() {
        Comment mine = ((PostResult.Accepted) service.post(PostRequest.builder(THREAD, "Thanks!")
                .user("editor", "Post Author").trusted(true).build())).comment();
        Comment theirs = post("Nice post", "Ann");
        CommentJson marking = json.withPostAuthor(c -> "editor".equals(c.author().userId()));

        assertThat(json.write(marking.toPublic(new ThreadNode(mine)).author()))
                .isEqualTo("{\"name\":\"Post Author\",\"postAuthor\":true}");
        assertThat(json.write(marking.toPublic(new ThreadNode(theirs)).author()))
                .isEqualTo("{\"name\":\"Ann\",\"postAuthor\":false}");
        assertThat(json.write(json.toPublic(new ThreadNode(mine)).author()))
                .isEqualTo("{\"name\":\"Post Author\"}");
        assertThat(marking.read("{\"name\":\"Post Author\",\"postAuthor\":true}", PublicAuthor.class))
                .isEqualTo(new PublicAuthor("Post Author", null, null, true));
    }
}
