package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.CommentService;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A thread deeper than the depth cap, in the page's HTML")
class DeepThreadHtmlTest {

    private static RunningDemo demo;
    /** A root and seven replies each answering the one before: the last two sit at the deepest level. */
    private static final List<Comment> CHAIN = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start();
        CommentService comments = demo.server.comments();
        CommentId parent = null;
        for (int level = 0; level < 8; level++) {
            PostResult result = comments.post(PostRequest.builder(demo.post().thread(), "Level " + level)
                    .inReplyTo(parent).author("Writer " + level, null, null).build());
            Comment comment = ((PostResult.Accepted) result).comment();
            CHAIN.add(comment);
            parent = comment.id();
        }
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    /** The page that holds the chain, found through the last comment's permalink as a reader would. */
    private static Document page() throws Exception {
        URI permalink = URI.create(demo.base() + demo.post().path() + "/comments/"
                + CHAIN.get(7).id().value());
        String location = RunningDemo.get(RunningDemo.client(), permalink.toString()).headers()
                .firstValue("Location").orElseThrow();
        return Jsoup.parse(RunningDemo.get(RunningDemo.client(), permalink.resolve(location).toString()).body());
    }

    private static Element comment(Document page, int level) {
        return page.getElementById("c-" + CHAIN.get(level).id().value());
    }

    @Test
    @DisplayName("a reply hung beside the comment it answers says 'in reply to' its author, linking to it")
    void flattenedReplyNamesWhomItAnswers() throws Exception {
        Document page = page();

        assertThat(CHAIN.get(6).parentId()).isEqualTo(CHAIN.get(4).id());
        for (int level : new int[] {6, 7}) {
            Element note = comment(page, level).selectFirst(":scope > .comment-body .in-reply-to");
            assertThat(note).as("level " + level).isNotNull();
            assertThat(note.text()).isEqualTo("in reply to Writer " + (level - 1));
            assertThat(note.selectFirst("a").attr("href")).isEqualTo("#c-" + CHAIN.get(level - 1).id().value());
        }
    }

    @Test
    @DisplayName("a reply nested under the comment it answers does not repeat it")
    void nestedReplyHasNoNote() throws Exception {
        Document page = page();

        for (int level = 0; level <= 5; level++) {
            assertThat(comment(page, level).select(":scope > .comment-body .in-reply-to")).as("level " + level)
                    .isEmpty();
        }
    }
}
