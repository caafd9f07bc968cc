package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Drives a real headless Chromium through the demo: comment, reply to a reply, a held comment approved by the
 * moderator, and script payloads that must not run. A screenshot of the final page goes to
 * {@code target/browser-test/}.
 */
@DisplayName("The demo in a real browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {

    @RegisterExtension
    static final DemoInChromium SITE = new DemoInChromium();

    @AfterAll
    static void screenshotTheFinalPage() throws Exception {
        if (SITE.running()) {
            SITE.browser().get(SITE.demo().postUrl());
            SITE.screenshot("post-page.png");
        }
    }

    private static Object pwned() {
        return ((JavascriptExecutor) SITE.browser()).executeScript("return window.__pwned;");
    }

    @Test
    @Order(1)
    @DisplayName("posts a comment with the form and sees it on the page")
    void postComment() {
        SITE.browser().get(SITE.demo().postUrl());
        assertThat(SITE.browser().getTitle()).contains(SITE.demo().post().title());

        String id = SITE.submit(SITE.browser().findElement(By.id("respond")), "Browser Reader",
                "A comment typed in a real browser.");

        WebElement comment = SITE.browser().findElement(By.id("c-" + id));
        assertThat(comment.findElement(By.cssSelector(".comment-text")).getText())
                .isEqualTo("A comment typed in a real browser.");
        assertThat(comment.findElements(By.cssSelector(".notice"))).isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("replies to a reply and sees the new reply nested under it")
    void replyToReply() {
        SITE.browser().get(SITE.demo().postUrl());
        // The author's answer to the first reader: a reply itself.
        WebElement reply = SITE.browser().findElement(By.cssSelector("ol.thread > li.comment > ol.replies > li.comment"));
        String parentId = reply.getAttribute("id");
        reply.findElement(By.cssSelector(":scope > details.reply > summary")).click();
        WebElement form = reply.findElement(By.cssSelector(":scope > details.reply form"));

        String id = SITE.submit(form, "Nested Nell", "Answering the answer, one level deeper.");

        WebElement nested = SITE.browser().findElement(By.xpath(
                "//li[@id='" + parentId + "']/ol[@class='replies']/li[@id='c-" + id + "']"));
        assertThat(nested.findElement(By.cssSelector(".comment-text")).getText())
                .isEqualTo("Answering the answer, one level deeper.");
        assertThat(SITE.browser().findElements(By.xpath("//li[@id='c-" + id + "']/ancestor::ol[@class='replies']")))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(3)
    @DisplayName("a held comment shows 'awaiting moderation', and appears for everyone once approved")
    void heldThenApproved() throws Exception {
        SITE.browser().get(SITE.demo().postUrl());
        String id = SITE.submit(SITE.browser().findElement(By.id("respond")), "Link Sharer",
                "Two links: https://one.example/read and https://two.example/more");

        WebElement held = SITE.browser().findElement(By.id("c-" + id));
        assertThat(held.findElement(By.cssSelector(".notice")).getText()).contains("awaiting moderation");
        assertThat(RunningDemo.get(RunningDemo.client(), SITE.browser().getCurrentUrl()).body())
                .as("strangers do not see it yet").doesNotContain("c-" + id);

        SITE.browser().get(SITE.demo().base() + "/admin");
        SITE.browser().findElement(By.name("password")).sendKeys(RunningDemo.PASSWORD);
        WebElement login = SITE.browser().findElement(By.cssSelector("form[action='/admin/login']"));
        SITE.clickAndWaitForNextPage(login.findElement(By.tagName("button")), login);
        WebElement row = SITE.browser().findElement(By.id("q-" + id));
        assertThat(row.findElement(By.cssSelector("td.reason")).getText()).contains("link");
        SITE.clickAndWaitForNextPage(row.findElement(By.cssSelector("button[value='approve-" + id + "']")), row);
        assertThat(SITE.browser().findElements(By.id("q-" + id))).isEmpty();

        SITE.browser().get(SITE.demo().base() + SITE.demo().post().path() + "/comments/" + id);
        WebElement approved = SITE.browser().findElement(By.id("c-" + id));
        assertThat(approved.findElements(By.cssSelector(".notice"))).isEmpty();
        assertThat(approved.getAttribute("class")).doesNotContain("pending");
        assertThat(RunningDemo.get(RunningDemo.client(), SITE.browser().getCurrentUrl()).body()).contains("c-" + id);
    }

    @Test
    @Order(4)
    @DisplayName("script payloads in every field are shown as text and never run, even when clicked")
    void scriptPayloadsDoNotRun() {
        String payload = "<img src=x onerror=\"window.__pwned=1\">";
        SITE.browser().get(SITE.demo().postUrl());
        WebElement form = SITE.browser().findElement(By.id("respond"));
        form.findElement(By.name("name")).sendKeys(payload);
        form.findElement(By.name("url")).sendKeys("javascript:window.__pwned=1");
        form.findElement(By.name("text")).sendKeys("<script>window.__pwned=1</script>");
        SITE.clickAndWaitForNextPage(form.findElement(By.cssSelector("button[type=submit]")), form);

        // A javascript: website is refused: the form comes back with the input kept, as text.
        WebElement returned = SITE.browser().findElement(By.id("respond"));
        assertThat(returned.findElement(By.cssSelector(".errors")).getText()).isNotBlank();
        assertThat(returned.findElement(By.name("name")).getAttribute("value")).isEqualTo(payload);
        assertThat(returned.findElement(By.name("url")).getAttribute("value")).isEqualTo("javascript:window.__pwned=1");
        assertThat(pwned()).isNull();

        returned.findElement(By.name("url")).clear();
        returned.findElement(By.name("text")).clear();
        String text = "<script>window.__pwned=1</script> " + payload
                + " <a href=\"javascript:window.__pwned=1\">click me</a> javascript:window.__pwned=1";
        returned.findElement(By.name("text")).sendKeys(text);
        SITE.clickAndWaitForNextPage(returned.findElement(By.cssSelector("button[type=submit]")), returned);
        String url = SITE.browser().getCurrentUrl();
        assertThat(url).contains("#c-");
        WebElement comment = SITE.browser().findElement(By.id(url.substring(url.indexOf("#c-") + 1)));

        assertThat(comment.findElement(By.cssSelector(".author")).getText()).isEqualTo(payload);
        assertThat(comment.findElement(By.cssSelector(".comment-text")).getText()).contains("<script>");
        assertThat(comment.findElements(By.cssSelector("script, img[onerror], [onclick]"))).isEmpty();
        assertThat(comment.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
        for (WebElement clickable : comment.findElements(By.xpath(".//*[contains(text(), 'click me')]"))) {
            clickable.click();
        }
        assertThat(pwned()).as("window.__pwned after rendering and clicking").isNull();
        assertThat(SITE.browser().getCurrentUrl()).doesNotStartWith("javascript:");
    }
}
