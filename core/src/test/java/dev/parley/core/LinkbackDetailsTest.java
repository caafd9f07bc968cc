package dev.parley.core;

import static dev.parley.core.Fixture.THREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.json.CommentJson;
import dev.parley.core.json.PublicComment;
import dev.parley.storage.Comment;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A linkback keeps its type, permalink, publication time and author links")
class LinkbackDetailsTest {

    private static final String SOURCE = "https://jane.example/2024/06/01/reply";
    private static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2024-06-01T10:15:00+05:30");
    private static final LinkbackDetails REPLY = new LinkbackDetails(LinkbackType.REPLY, SOURCE + "#entry",
            PUBLISHED, "https://jane.example/", "https://jane.example/me.jpg");

    private final Fixture f = new Fixture();

    private Comment record(String text, LinkbackDetails details) {
        return ((LinkbackResult.Recorded) f.service.recordLinkback(new LinkbackRequest(THREAD, Kind.WEBMENTION,
                SOURCE, "Re: Hello", text, "Jane", ClientContext.none(), details))).comment();
    }

    private Comment update(String text, LinkbackDetails details) {
        return ((LinkbackResult.Recorded) f.service.updateLinkback(new LinkbackRequest(THREAD, Kind.WEBMENTION,
                SOURCE, "Re: Hello", text, "Jane", ClientContext.none(), details))).comment();
    }

    @Test
    @DisplayName("the details are stored with the linkback and read back from the store, offset kept")
    void storedAndReadBack() {
        Comment recorded = record("I disagree.", REPLY);

        Comment stored = f.store.find(recorded.id()).orElseThrow();
        LinkbackDetails details = LinkbackDetails.of(stored);

        assertThat(details).isEqualTo(REPLY);
        assertThat(details.published().getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(stored.attributes()).containsEntry(LinkbackDetails.TYPE_KEY, "reply")
                .containsEntry(LinkbackDetails.PUBLISHED_KEY, "2024-06-01T10:15:00+05:30")
                .containsEntry(LinkbackDetails.AUTHOR_PHOTO_KEY, "https://jane.example/me.jpg");
        assertThat(stored.text()).isEqualTo("I disagree.");
    }

    @Test
    @DisplayName("every post type survives the store")
    void everyType() {
        for (LinkbackType type : LinkbackType.values()) {
            String source = "https://t.example/" + type.id();
            Comment c = ((LinkbackResult.Recorded) f.service.recordLinkback(new LinkbackRequest(THREAD,
                    Kind.WEBMENTION, source, "t", "", null, ClientContext.none(),
                    new LinkbackDetails(type, null, null, null, null)))).comment();
            assertThat(LinkbackDetails.of(f.store.find(c.id()).orElseThrow()).type()).isEqualTo(type);
        }
    }

    @Test
    @DisplayName("an update replaces text and details and keeps the host's own attributes")
    void updateReplacesTextAndDetails() {
        Comment recorded = record("First draft.", REPLY);
        Map<String, String> withHostKey = new HashMap<>(recorded.attributes());
        withHostKey.put("host.origin", "import-7");
        f.store.update(recorded.toBuilder().attributes(withHostKey).build());
        f.clock.advance(Duration.ofHours(1));

        LinkbackDetails liked = new LinkbackDetails(LinkbackType.LIKE, null, null, "https://jane.example/", null);
        Comment updated = update("Second thoughts.", liked);

        Comment stored = f.store.find(recorded.id()).orElseThrow();
        assertThat(stored).isEqualTo(updated);
        assertThat(stored.text()).isEqualTo("Second thoughts.");
        assertThat(LinkbackDetails.of(stored)).isEqualTo(liked);
        assertThat(stored.attributes()).containsEntry("host.origin", "import-7")
                .doesNotContainKeys(LinkbackDetails.URL_KEY, LinkbackDetails.PUBLISHED_KEY,
                        LinkbackDetails.AUTHOR_PHOTO_KEY);
    }

    @Test
    @DisplayName("a linkback without details stores no reserved key and reads as a mention")
    void withoutDetails() {
        Comment c = ((LinkbackResult.Recorded) f.service.recordLinkback(new LinkbackRequest(THREAD, Kind.PINGBACK,
                "https://old.example/", "Old blog", "text", null, ClientContext.none()))).comment();

        assertThat(c.attributes()).isEmpty();
        assertThat(LinkbackDetails.of(c)).isEqualTo(LinkbackDetails.none());
    }

    @Test
    @DisplayName("only absolute http(s) URLs of bounded length are accepted; stored junk reads as absent")
    void urlsAreHttpOnlyAndBounded() {
        assertThatThrownBy(() -> new LinkbackDetails(LinkbackType.LIKE, null, null, "javascript:alert(1)", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("author url");
        assertThatThrownBy(() -> new LinkbackDetails(LinkbackType.LIKE, null, null, null, "data:image/png;base64,AA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("author photo");
        assertThatThrownBy(() -> new LinkbackDetails(LinkbackType.LIKE, "https://x.example/\"onload=x", null, null,
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url");
        assertThatThrownBy(() -> new LinkbackDetails(LinkbackType.LIKE, null, null,
                "https://x.example/" + "a".repeat(LinkbackDetails.MAX_URL_LENGTH), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");

        Comment recorded = record("Hi.", REPLY);
        Map<String, String> tampered = new HashMap<>(recorded.attributes());
        tampered.put(LinkbackDetails.AUTHOR_PHOTO_KEY, "javascript:alert(1)");
        tampered.put(LinkbackDetails.PUBLISHED_KEY, "yesterday");
        tampered.put(LinkbackDetails.TYPE_KEY, "applause");
        f.store.update(recorded.toBuilder().attributes(tampered).build());

        LinkbackDetails read = LinkbackDetails.of(f.store.find(recorded.id()).orElseThrow());
        assertThat(read).isEqualTo(new LinkbackDetails(LinkbackType.MENTION, REPLY.url(), null, REPLY.authorUrl(),
                null));
    }

    @Test
    @DisplayName("the public JSON shows the type, permalink, published time with its offset and author links")
    void publicJson() {
        record("I disagree.", REPLY);

        PublicComment view = CommentJson.create().toPublic(
                f.service.page(THREAD, Order.OLDEST_FIRST, null, 10, Viewer.anonymous()).roots().get(0));

        assertThat(view.source()).isEqualTo(new PublicComment.PublicSource(SOURCE, "Re: Hello", "reply",
                SOURCE + "#entry", "2024-06-01T10:15:00+05:30", "https://jane.example/",
                "https://jane.example/me.jpg"));
        String text = CommentJson.create().write(view);
        assertThat(text).contains("\"source\":{\"url\":\"" + SOURCE + "\","
                + "\"title\":\"Re: Hello\",\"type\":\"reply\",\"entryUrl\":\"" + SOURCE + "#entry\","
                + "\"published\":\"2024-06-01T10:15:00+05:30\",\"authorUrl\":\"https://jane.example/\","
                + "\"authorPhoto\":\"https://jane.example/me.jpg\"}");
        assertThat(CommentJson.create().read(text, PublicComment.class)).isEqualTo(view);
    }
}
