package dev.parley.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.parley.core.json.CommentJson;
import dev.parley.core.json.ModeratorComment;
import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.parley.storage.subscriptions.InMemorySubscriptions;

class PrivacyToolsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Author ANN = new Author("Ann", "Ann@Example.org", "https://ann.example/", "user-7",
            "192.0.2.7", "Firefox/140");
    private static final Author BOB = new Author("Bob", "bob@example.org", null, null, "192.0.2.8", "Chrome/130");

    private final InMemoryCommentStore store = new InMemoryCommentStore();
    private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    private final PrivacyTools tools = PrivacyTools.builder().store(store).subscriptions(subscriptions)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    private Comment root(String id, String thread, int second, Author author) {
        return Comment.builder().id(CommentId.of(id)).thread(ThreadKey.of(thread)).asRoot().author(author)
                .text("Text of " + id).html("<p>Text of " + id + "</p>").createdAt(T0.plusSeconds(second)).build();
    }

    private Comment reply(String id, Comment parent, int second, Author author) {
        return root(id, parent.thread().value(), second, author).toBuilder().replyTo(parent).build();
    }

    private Comment stored(String id) {
        return store.find(CommentId.of(id)).orElseThrow();
    }

    /**
     * post-1: a1 (Ann) answered by b1 (Bob), who is answered by a2 (Ann); a3 (Ann) alone. post-2: a4 (Ann, spam)
     * alone, and an imported comment a5 (Ann) with provenance. A webmention l1 carrying Ann's address. b2 (Bob).
     */
    private void insertThreads() {
        Comment a1 = root("a1", "post-1", 1, ANN);
        Comment b1 = reply("b1", a1, 2, BOB);
        store.insert(a1);
        store.insert(b1);
        store.insert(reply("a2", b1, 3, ANN));
        store.insert(root("a3", "post-1", 4, ANN));
        store.insert(root("a4", "post-2", 5, ANN).toBuilder().status(Status.SPAM).build());
        store.insert(root("a5", "post-2", 6, ANN).toBuilder()
                .provenance(Provenance.builder("disqus", "9").field("author.email", "ann@example.org").build())
                .build());
        store.insert(root("l1", "post-3", 7, ANN).toBuilder().kind(Kind.WEBMENTION)
                .linkback(new Linkback("https://ann.example/reply", "Ann's reply")).build());
        store.insert(root("b2", "post-3", 8, BOB));
        subscriptions.request("ann@example.org", T0);
        subscriptions.confirm("ann@example.org", T0.plusSeconds(60));
        subscriptions.watch("ann@example.org", CommentId.of("a1"), ThreadKey.of("post-1"), T0);
        subscriptions.mute("ann@example.org", ThreadKey.of("post-2"), T0);
    }

    @Test
    void exportHoldsEveryCommentLinkbackAndSubscriptionOfTheAddressInTheModeratorSchema() {
        insertThreads();
        StringWriter out = new StringWriter();

        ExportReport report = tools.export(" ANN@example.ORG ", out);

        assertThat(report).isEqualTo(new ExportReport(5, 1, true));
        JsonNode export = JsonMapper.builder().build().readTree(out.toString());
        assertThat(export.get("email").asString()).isEqualTo("ann@example.org");
        assertThat(export.get("exportedAt").asString()).isEqualTo("2026-06-01T12:00:00Z");
        CommentJson json = CommentJson.create();
        List<ModeratorComment> comments = new java.util.ArrayList<>();
        for (JsonNode node : export.get("comments")) {
            comments.add(json.read(node.toString(), ModeratorComment.class));
        }
        assertThat(comments).containsExactly(json.toModerator(stored("a1")), json.toModerator(stored("a2")),
                json.toModerator(stored("a3")), json.toModerator(stored("a4")), json.toModerator(stored("a5")));
        assertThat(export.get("linkbacks")).hasSize(1);
        assertThat(json.read(export.get("linkbacks").get(0).toString(), ModeratorComment.class))
                .isEqualTo(json.toModerator(stored("l1")));
        JsonNode kept = export.get("subscriptions");
        assertThat(kept.get("address").get("state").asString()).isEqualTo("confirmed");
        assertThat(kept.get("watched").get(0).asString()).isEqualTo("a1");
        assertThat(kept.get("muted").get(0).asString()).isEqualTo("post-2");
        assertThat(out.toString()).doesNotContain("bob@example.org");
    }

    @Test
    void exportOfAnUnknownAddressIsEmpty() {
        insertThreads();
        StringWriter out = new StringWriter();

        assertThat(tools.export("nobody@example.org", out)).isEqualTo(new ExportReport(0, 0, true));
        assertThat(out.toString()).isEqualTo("{\"email\":\"nobody@example.org\",\"exportedAt\":"
                + "\"2026-06-01T12:00:00Z\",\"comments\":[],\"linkbacks\":[],\"subscriptions\":{\"address\":null,"
                + "\"watched\":[],\"muted\":[]}}");
    }

    @Test
    void exportPagesThroughMoreCommentsThanOneRead() {
        for (int i = 0; i < PrivacyTools.PAGE * 2 + 3; i++) {
            store.insert(root("m" + i, "post-" + (i % 7), i, ANN));
        }

        assertThat(tools.export("ann@example.org", new StringWriter()).comments())
                .isEqualTo(PrivacyTools.PAGE * 2 + 3);
    }

    @Test
    void anonymizeKeepsTheThreadShapeAndReplacesEveryAuthorField() {
        insertThreads();
        Comment a2Before = stored("a2");

        ErasureReport report = tools.erase("ann@example.org", ErasureMode.ANONYMIZE, false);

        assertThat(report).isEqualTo(new ErasureReport(6, 0, 0, 3));
        Comment a2 = stored("a2");
        assertThat(a2.author()).isEqualTo(Author.named("Anonymous"));
        assertThat(a2.text()).isEqualTo("[removed]");
        assertThat(a2.html()).isEqualTo("<p>[removed]</p>");
        assertThat(a2.parentId()).isEqualTo(a2Before.parentId());
        assertThat(a2.status()).isEqualTo(Status.APPROVED);
        assertThat(a2.updatedAt()).isEqualTo(NOW);
        assertThat(stored("a4").status()).isEqualTo(Status.SPAM);
        assertThat(stored("a5").provenance()).isNull();
        assertThat(stored("b1").author()).isEqualTo(BOB);
        assertThat(store.byEmail("ann@example.org", PageRequest.first(Order.OLDEST_FIRST, 10)).items()).isEmpty();
        assertThat(subscriptions.export("ann@example.org").address()).isNull();
    }

    @Test
    void anonymizeCanKeepTheText() {
        insertThreads();

        tools.erase("ann@example.org", ErasureMode.ANONYMIZE, true);

        assertThat(stored("a3").text()).isEqualTo("Text of a3");
        assertThat(stored("a3").html()).isEqualTo("<p>Text of a3</p>");
        assertThat(stored("a3").author()).isEqualTo(Author.named("Anonymous"));
    }

    @Test
    void deleteLeavesPlaceholdersWhereRepliesExistAndPurgesTheRest() {
        insertThreads();

        ErasureReport report = tools.erase("ann@example.org", ErasureMode.DELETE, true);

        assertThat(report).isEqualTo(new ErasureReport(0, 1, 5, 3));
        Comment a1 = stored("a1");
        assertThat(a1.status()).isEqualTo(Status.DELETED);
        assertThat(a1.author()).isEqualTo(Author.named("Anonymous"));
        assertThat(a1.text()).as("a placeholder never keeps the text").isEqualTo("[removed]");
        for (String gone : List.of("a2", "a3", "a4", "a5", "l1")) {
            assertThat(store.find(CommentId.of(gone))).as(gone).isEmpty();
        }
        assertThat(stored("b1").author()).isEqualTo(BOB);
    }

    @Test
    void deletePurgesAParentWhoseOnlyRepliesWereTheSameAuthors() {
        Comment a1 = root("a1", "post-1", 1, ANN);
        store.insert(a1);
        store.insert(reply("a2", a1, 2, ANN));

        assertThat(tools.erase("ann@example.org", ErasureMode.DELETE, false))
                .isEqualTo(new ErasureReport(0, 0, 2, 0));
        assertThat(store.find(CommentId.of("a1"))).isEmpty();
    }

    @Test
    void erasingTwiceChangesNothingTheSecondTime() {
        insertThreads();
        tools.erase("ann@example.org", ErasureMode.ANONYMIZE, false);
        Map<CommentId, Long> versions = new java.util.HashMap<>();
        store.scan(PageRequest.first(Order.OLDEST_FIRST, 100)).items().forEach(c -> versions.put(c.id(), c.version()));

        for (ErasureMode mode : ErasureMode.values()) {
            ErasureReport again = tools.erase("ANN@example.org", mode, false);
            assertThat(again).isEqualTo(new ErasureReport(0, 0, 0, 0));
            assertThat(again.changedAnything()).isFalse();
        }
        store.scan(PageRequest.first(Order.OLDEST_FIRST, 100)).items()
                .forEach(c -> assertThat(c.version()).as(c.id().value()).isEqualTo(versions.get(c.id())));
    }

    @Test
    void eraseWorksWithoutSubscriptions() {
        insertThreads();
        PrivacyTools withoutSubscriptions = PrivacyTools.builder().store(store).build();

        assertThat(withoutSubscriptions.erase("ann@example.org", ErasureMode.ANONYMIZE, false).subscriptionRows())
                .isZero();
        assertThat(withoutSubscriptions.export("ann@example.org", new StringWriter()))
                .isEqualTo(new ExportReport(0, 0, false));
    }

    @Test
    void blankAddressesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> tools.erase(" ", ErasureMode.DELETE, false));
        assertThatIllegalArgumentException().isThrownBy(() -> tools.export("", new StringWriter()));
        assertThatIllegalArgumentException().isThrownBy(() -> PrivacyTools.builder().build());
    }

    @Test
    void removedTextIsEscapedInItsHtml() {
        assertThat(new PrivacySettings("Gone", "<erased> & \"gone\"").removedHtml())
                .isEqualTo("<p>&lt;erased&gt; &amp; &quot;gone&quot;</p>");
    }
}
