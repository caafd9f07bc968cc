package dev.parley.core.withoutjackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.parley.core.CommentService;
import dev.parley.core.PostRequest;
import dev.parley.core.Settings;
import dev.parley.core.ThreadPage;
import dev.parley.core.Viewer;
import dev.parley.core.json.CommentJson;
import dev.parley.storage.CommentId;
import dev.parley.storage.Order;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A host on Jackson 2 writes the views with its own mapper, configured as core's README says. */
class Jackson2HostTest {

    @Test
    @DisplayName("Jackson 2 with JavaTimeModule writes the public view as Jackson 3 does: ISO times, no nulls")
    void jackson2WritesTheSameJson() throws Exception {
        CommentService comments = CommentService.builder()
                .store(new InMemoryCommentStore())
                .clock(Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC))
                .tokenSecret("0123456789abcdef0123456789abcdef-jackson-2")
                .settings(Settings.builder().holdNewAuthors(false).build())
                .ids(() -> CommentId.of("c1"))
                .build();
        ThreadKey thread = ThreadKey.of("hello-world");
        comments.post(PostRequest.builder(thread, "Nice post").author("Ann", "ann@example.org", null).build());
        ThreadPage page = comments.page(thread, Order.OLDEST_FIRST, null, 10, Viewer.anonymous());
        CommentJson views = CommentJson.create();

        // The README's snippet, as written there.
        ObjectMapper mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        String json = mapper.writeValueAsString(views.toPublic(page));

        assertThat(json).isEqualTo("{\"thread\":\"hello-world\",\"order\":\"oldest\",\"total\":1,\"comments\":["
                + "{\"id\":\"c1\",\"kind\":\"comment\",\"author\":{\"name\":\"Ann\"},\"html\":\"<p>Nice post</p>\","
                + "\"created\":\"2026-11-29T10:00:00Z\",\"depth\":0,\"placeholder\":false,\"replies\":[]}]}");
        assertThat(json).isEqualTo(views.write(views.toPublic(page)));
    }
}
