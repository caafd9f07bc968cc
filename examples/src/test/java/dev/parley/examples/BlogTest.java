package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The blog's posts: writing, editing and deleting")
class BlogTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00.123456789Z");

    private final Blog blog = new Blog(Blog.NAME, new InMemoryPostStore(), Clock.fixed(NOW, ZoneOffset.UTC));

    private Post saved(PostSave save) {
        assertThat(save).isInstanceOf(PostSave.Saved.class);
        return ((PostSave.Saved) save).post();
    }

    @Nested
    @DisplayName("A draft")
    class Drafts {

        @Test
        @DisplayName("reports every problem at once, one message per field")
        void everyProblem() {
            Map<PostDraft.Field, String> problems = new PostDraft("Not A Slug", " ", "x".repeat(20_001)).problems();

            assertThat(problems).containsOnlyKeys(PostDraft.Field.TITLE, PostDraft.Field.SLUG, PostDraft.Field.BODY);
            assertThat(problems.get(PostDraft.Field.TITLE)).isEqualTo("Give the post a title.");
            assertThat(problems.get(PostDraft.Field.SLUG)).contains("lower-case letters");
            assertThat(problems.get(PostDraft.Field.BODY)).isEqualTo(
                    "The text is too long: 20001 characters, at most 20000.");
        }

        @Test
        @DisplayName("accepts the longest title, slug and body, and refuses one character more")
        void bounds() {
            String slug = "a".repeat(Post.MAX_SLUG_LENGTH);
            assertThat(new PostDraft(slug, "t".repeat(200), "b".repeat(20_000)).problems()).isEmpty();

            assertThat(new PostDraft(slug + "a", "t".repeat(201), "b").problems())
                    .containsOnlyKeys(PostDraft.Field.SLUG, PostDraft.Field.TITLE);
        }

        @Test
        @DisplayName("trims the title and slug, normalizes line breaks, and refuses control characters")
        void normalizes() {
            PostDraft draft = new PostDraft(" my-post ", "  Title ", "\r\n one\r\n\r\ntwo \n");

            assertThat(draft).isEqualTo(new PostDraft("my-post", "Title", "one\n\ntwo"));
            assertThat(new PostDraft("p", "a\tb", "x\u0000y").problems())
                    .containsOnlyKeys(PostDraft.Field.TITLE, PostDraft.Field.BODY);
            assertThat(new PostDraft("p", "t", "tab\tand\nline").problems()).isEmpty();
        }
    }

    @Test
    @DisplayName("a new post is by the blog's author, dated now to the microsecond, and listed first")
    void creates() {
        DemoContent.seedPosts(blog);

        Post post = saved(blog.create(new PostDraft("fresh", "Fresh", "Text")));

        Instant micros = Instant.parse("2026-12-01T10:00:00.123456Z");
        assertThat(post).isEqualTo(new Post("fresh", "Fresh", Blog.AUTHOR_NAME, Blog.AUTHOR_USER_ID, "Text", micros,
                micros, false));
        assertThat(blog.posts()).first().isEqualTo(post);
        assertThat(blog.post("fresh")).contains(post);
    }

    @Test
    @DisplayName("a slug is never given twice, not even the slug of a deleted post, and the other problems come too")
    void slugUnique() {
        saved(blog.create(new PostDraft("taken", "One", "Text")));
        blog.delete("taken");

        PostSave again = blog.create(new PostDraft("taken", "", "Text"));

        assertThat(again).isInstanceOf(PostSave.Rejected.class);
        assertThat(((PostSave.Rejected) again).problems()).containsOnlyKeys(PostDraft.Field.TITLE,
                PostDraft.Field.SLUG);
        assertThat(((PostSave.Rejected) again).problems().get(PostDraft.Field.SLUG)).contains("already has the slug");
    }

    @Test
    @DisplayName("an edit changes the title and body, never the slug or publication time")
    void edits() {
        Post post = saved(blog.create(new PostDraft("p", "Old", "Old text")));

        Post edited = saved(blog.update(new PostDraft("p", "New", "New text")));

        assertThat(edited).isEqualTo(post.edited("New", "New text", post.updatedAt()));
        assertThat(blog.find("p")).contains(edited);
        assertThat(blog.update(new PostDraft("p", "", "x"))).isInstanceOf(PostSave.Rejected.class);
        assertThat(blog.update(new PostDraft("nope", "T", "x"))).isEqualTo(new PostSave.NotFound("nope"));
    }

    @Test
    @DisplayName("a deleted post leaves the readers' lists, stays findable as deleted, and cannot be edited or deleted again")
    void deletes() {
        saved(blog.create(new PostDraft("p", "T", "x")));

        Post deleted = blog.delete("p").orElseThrow();

        assertThat(deleted.deleted()).isTrue();
        assertThat(blog.posts()).isEmpty();
        assertThat(blog.post("p")).isEmpty();
        assertThat(blog.find("p")).contains(deleted);
        assertThat(blog.allPosts()).containsExactly(deleted);
        assertThat(blog.delete("p")).isEmpty();
        assertThat(blog.update(new PostDraft("p", "T", "y"))).isEqualTo(new PostSave.NotFound("p"));
    }

    @Test
    @DisplayName("seeding adds the built-in posts once, and never brings back one the admin deleted or edited")
    void seedsOnce() {
        assertThat(DemoContent.seedPosts(blog)).isEqualTo(2);
        String first = DemoContent.posts().get(0).slug();
        String second = DemoContent.posts().get(1).slug();
        blog.delete(first);
        saved(blog.update(new PostDraft(second, "Edited", "Edited")));

        assertThat(DemoContent.seedPosts(blog)).isZero();
        assertThat(blog.posts()).extracting(Post::title).containsExactly("Edited");
    }

    @Test
    @DisplayName("a malformed slug finds nothing, without asking the store")
    void malformedSlug() {
        assertThat(blog.find("../etc")).isEmpty();
        assertThat(blog.find("x".repeat(10_000))).isEmpty();
    }
}
