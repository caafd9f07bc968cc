package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.CommentService;
import dev.parley.core.Location;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.Settings;
import dev.parley.core.ThreadPage;
import dev.parley.core.Viewer;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Cursor;
import dev.parley.storage.Order;
import dev.parley.storage.ThreadKey;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The links to a comment's page and to the previous page read a bounded number of pages")
class ContextPagesBoundTest {

    private static final ThreadKey THREAD = new ThreadKey("bound");
    private static final int ROOTS_PER_PAGE = 2;
    /** More hidden roots than two engine pages skip (each reads at most 10 store pages of up to 1,000 roots). */
    private static final int HIDDEN = 6_000;
    /** The most store reads of roots two engine pages make. */
    private static final int MAX_ROOT_READS = ContextPages.MAX_PAGE_READS * 10;

    private final AtomicInteger rootReads = new AtomicInteger();
    private CommentService comments;
    private ContextPages pages;
    private final List<Comment> visible = new ArrayList<>();

    /** The reference store, counting its reads of roots: what a long walk through hidden roots costs. */
    private CommentStore counting(CommentStore store) {
        return (CommentStore) Proxy.newProxyInstance(CommentStore.class.getClassLoader(),
                new Class<?>[] {CommentStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("roots")) {
                        rootReads.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private Comment post(String text) {
        PostResult result = comments.post(PostRequest.builder(THREAD, text).author("Writer", null, null).build());
        return ((PostResult.Accepted) result).comment();
    }

    /** Two visible roots, {@value #HIDDEN} deleted ones, then two visible roots. */
    @BeforeEach
    void thread() {
        comments = CommentService.builder().store(counting(new InMemoryCommentStore()))
                .tokenSecret("a test secret of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8))
                .settings(Settings.builder().requireEmail(false).holdNewAuthors(false).floodInterval(Duration.ZERO)
                        .build())
                .build();
        pages = new ContextPages(comments, ROOTS_PER_PAGE);
        visible.add(post("Visible 1"));
        visible.add(post("Visible 2"));
        for (int i = 0; i < HIDDEN; i++) {
            comments.delete(post("Hidden " + i).id());
        }
        visible.add(post("Visible 3"));
        visible.add(post("Visible 4"));
        rootReads.set(0);
    }

    @Test
    @DisplayName("past the bound, a comment's page is the one that starts at its root")
    void aroundFallsBackToTheRootsPage() {
        Location location = comments.locate(visible.get(3).id(), Order.OLDEST_FIRST, Viewer.anonymous())
                .orElseThrow();
        rootReads.set(0);

        Cursor around = pages.around(location, Viewer.anonymous());

        assertThat(around).isEqualTo(location.pageCursor());
        assertThat(rootReads.get()).isLessThanOrEqualTo(MAX_ROOT_READS);
    }

    @Test
    @DisplayName("past the bound, the page before a page is not guessed: only the first page is offered")
    void previousFallsBackToTheFirstPage() {
        Cursor after = Cursor.after(visible.get(2));
        ThreadPage page = comments.page(THREAD, Order.OLDEST_FIRST, after, ROOTS_PER_PAGE, Viewer.anonymous());
        assertThat(page.roots()).extracting(node -> node.comment().id()).containsExactly(visible.get(3).id());
        rootReads.set(0);

        Optional<ContextPages.Previous> previous = pages.previous(THREAD, after, page, Viewer.anonymous());

        assertThat(previous).contains(new ContextPages.Previous(null, false));
        assertThat(rootReads.get()).isLessThanOrEqualTo(MAX_ROOT_READS);
    }

    @Test
    @DisplayName("within the bound, a comment's page still ends at its root")
    void aroundWithinTheBoundEndsAtTheRoot() {
        Location location = comments.locate(visible.get(1).id(), Order.OLDEST_FIRST, Viewer.anonymous())
                .orElseThrow();

        assertThat(pages.around(location, Viewer.anonymous())).isNull();
    }
}
