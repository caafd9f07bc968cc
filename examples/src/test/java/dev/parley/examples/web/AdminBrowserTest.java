package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.storage.Comment;
import dev.parley.storage.Status;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A moderator in a real headless Chromium: logs in at {@code /admin/login}, removes a published comment from the
 * list of all comments (confirming), undoes it, and looks at the moderation pages on a 390-pixel-wide phone
 * screen. Screenshots go to {@code target/browser-test/}.
 */
@DisplayName("Moderation in a real browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminBrowserTest {

    @RegisterExtension
    static final DemoInChromium SITE = new DemoInChromium();

    private static Comment post(String name, String text) {
        PostResult result = SITE.demo().server.comments().post(PostRequest.builder(SITE.demo().post().thread(), text)
                .author(name, null, null).build());
        assertThat(result).isInstanceOf(PostResult.Accepted.class);
        return ((PostResult.Accepted) result).comment();
    }

    private static Status status(Comment comment) {
        return SITE.demo().server.comments().find(comment.id()).orElseThrow().status();
    }

    /** What a reader's permalink to the comment answers: 303 to its page while visible, else 404. */
    private static int permalinkStatus(Comment comment) throws Exception {
        return RunningDemo.get(RunningDemo.client(), SITE.demo().postUrl() + "/comments/" + comment.id().value())
                .statusCode();
    }

    private static long script(String expression) {
        return ((Number) SITE.browser().executeScript("return " + expression + ";")).longValue();
    }

    @Test
    @Order(1)
    @DisplayName("logs in at /admin/login, deletes a published comment from the list of all comments after"
            + " confirming, and undoes it")
    void removeAndUndo() throws Exception {
        Comment published = post("Removable Rhea", "A published comment the moderator takes down.");
        SITE.browser().get(SITE.demo().base() + "/admin/login");
        SITE.browser().findElement(By.name("password")).sendKeys(RunningDemo.PASSWORD);
        SITE.clickAndWaitForNextPage(SITE.browser().findElement(By.cssSelector("form[action='/admin/login'] button")));
        assertThat(SITE.browser().getCurrentUrl()).isEqualTo(SITE.demo().base() + "/admin");

        SITE.clickAndWaitForNextPage(SITE.browser().findElement(By.linkText("All comments")));
        WebElement row = SITE.browser().findElement(By.id("a-" + published.id().value()));
        assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("published");
        SITE.clickAndWaitForNextPage(
                row.findElement(By.cssSelector("button[value='delete-" + published.id().value() + "']")));

        assertThat(SITE.browser().findElement(By.tagName("h1")).getText()).isEqualTo("Delete this comment?");
        assertThat(status(published)).isEqualTo(Status.APPROVED);
        SITE.clickAndWaitForNextPage(SITE.browser().findElement(By.cssSelector(".confirm button.danger")));

        assertThat(SITE.browser().findElement(By.cssSelector(".flash p")).getText())
                .isEqualTo("Deleted the comment by Removable Rhea.");
        assertThat(status(published)).isEqualTo(Status.DELETED);
        assertThat(permalinkStatus(published)).as("readers no longer find it").isEqualTo(404);

        SITE.clickAndWaitForNextPage(SITE.browser().findElement(By.cssSelector(".flash button")));
        assertThat(SITE.browser().findElement(By.cssSelector(".flash p")).getText())
                .isEqualTo("Undone: the comment by Removable Rhea is published again.");
        assertThat(status(published)).isEqualTo(Status.APPROVED);
        assertThat(permalinkStatus(published)).as("readers find it again").isEqualTo(303);
    }

    @Test
    @Order(2)
    @DisplayName("the moderation page and the list of all comments fit a 390-pixel-wide screen")
    void moderationPagesFitAPhone() throws Exception {
        post("Linky Lou", "Two links: https://one.example/" + "a".repeat(120) + " and https://two.example/more");
        post("Longword Len", "x".repeat(400) + " and some words after it, and https://three.example/ and "
                + "https://four.example/");
        SITE.browser().get(SITE.demo().base() + "/admin");
        if (!SITE.browser().findElements(By.name("password")).isEmpty()) {
            SITE.browser().findElement(By.name("password")).sendKeys(RunningDemo.PASSWORD);
            SITE.clickAndWaitForNextPage(SITE.browser().findElement(By.cssSelector("form[action='/admin/login'] button")));
        }
        SITE.width(390);
        for (Map.Entry<String, String> page : Map.of("/admin", "moderation-390.png",
                "/admin/comments", "all-comments-390.png").entrySet()) {
            SITE.browser().get(SITE.demo().base() + page.getKey());
            assertThat(SITE.browser().findElements(By.cssSelector("table.queue tbody tr"))).as(page.getKey()).isNotEmpty();
            assertThat(script("window.innerWidth")).as("the viewport").isEqualTo(390);
            assertThat(script("document.documentElement.scrollWidth")).as("%s is no wider than the screen",
                    page.getKey()).isLessThanOrEqualTo(390);
            SITE.screenshot(page.getValue());
        }
    }
}
