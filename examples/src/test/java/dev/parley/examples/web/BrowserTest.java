package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives a real headless Chromium through the demo: comment, reply to a reply, a held comment approved by the
 * moderator, and script payloads that must not run. A screenshot of the final page goes to
 * {@code target/browser-test/}.
 */
@DisplayName("The demo in a real browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {

    private static final Path OUTPUT = Path.of("target", "browser-test");

    private static RunningDemo demo;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start();
        browser = HeadlessChromium.start(Files.createTempDirectory("parley-chromium-profile"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                Files.createDirectories(OUTPUT);
                browser.get(demo.postUrl());
                Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, OUTPUT.resolve("post-page.png"), StandardCopyOption.REPLACE_EXISTING);
                browser.quit();
            }
        } finally {
            demo.close();
        }
    }

    /** Fills and submits a comment form, then returns the id of the comment the redirect landed on. */
    private static String submit(WebElement form, String name, String text) {
        form.findElement(By.name("name")).sendKeys(name);
        form.findElement(By.name("text")).sendKeys(text);
        clickAndWaitForNextPage(form.findElement(By.cssSelector("button[type=submit]")), form);
        String url = browser.getCurrentUrl();
        assertThat(url).as("redirected to the new comment's fragment").contains("#c-");
        return url.substring(url.indexOf("#c-") + 3);
    }

    /**
     * Clicks a submit button and waits until the page it was on is replaced: a click returns before the
     * POST, redirect and GET are done. The timeout is only a safety net.
     */
    private static void clickAndWaitForNextPage(WebElement button, WebElement onOldPage) {
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> isGone(onOldPage));
    }

    /**
     * Whether the element's page has been replaced. Chrome reports it as a stale element, or, when the check
     * lands while the next page is being swapped in, as an inspector error saying the node no longer belongs
     * to the document: both mean gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static Object pwned() {
        return ((JavascriptExecutor) browser).executeScript("return window.__pwned;");
    }

    @Test
    @Order(1)
    @DisplayName("posts a comment with the form and sees it on the page")
    void postComment() {
        browser.get(demo.postUrl());
        assertThat(browser.getTitle()).contains(demo.post().title());

        String id = submit(browser.findElement(By.id("respond")), "Browser Reader", "A comment typed in a real browser.");

        WebElement comment = browser.findElement(By.id("c-" + id));
        assertThat(comment.findElement(By.cssSelector(".comment-text")).getText())
                .isEqualTo("A comment typed in a real browser.");
        assertThat(comment.findElements(By.cssSelector(".notice"))).isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("replies to a reply and sees the new reply nested under it")
    void replyToReply() {
        browser.get(demo.postUrl());
        // The author's answer to the first reader: a reply itself.
        WebElement reply = browser.findElement(By.cssSelector("ol.thread > li.comment > ol.replies > li.comment"));
        String parentId = reply.getAttribute("id");
        reply.findElement(By.cssSelector(":scope > details.reply > summary")).click();
        WebElement form = reply.findElement(By.cssSelector(":scope > details.reply form"));

        String id = submit(form, "Nested Nell", "Answering the answer, one level deeper.");

        WebElement nested = browser.findElement(By.xpath(
                "//li[@id='" + parentId + "']/ol[@class='replies']/li[@id='c-" + id + "']"));
        assertThat(nested.findElement(By.cssSelector(".comment-text")).getText())
                .isEqualTo("Answering the answer, one level deeper.");
        assertThat(browser.findElements(By.xpath("//li[@id='c-" + id + "']/ancestor::ol[@class='replies']")))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(3)
    @DisplayName("a held comment shows 'awaiting moderation', and appears for everyone once approved")
    void heldThenApproved() throws Exception {
        browser.get(demo.postUrl());
        String id = submit(browser.findElement(By.id("respond")), "Link Sharer",
                "Two links: https://one.example/read and https://two.example/more");

        WebElement held = browser.findElement(By.id("c-" + id));
        assertThat(held.findElement(By.cssSelector(".notice")).getText()).contains("awaiting moderation");
        assertThat(RunningDemo.get(RunningDemo.client(), browser.getCurrentUrl()).body())
                .as("strangers do not see it yet").doesNotContain("c-" + id);

        browser.get(demo.base() + "/admin");
        browser.findElement(By.name("password")).sendKeys(RunningDemo.PASSWORD);
        WebElement login = browser.findElement(By.cssSelector("form[action='/admin/login']"));
        clickAndWaitForNextPage(login.findElement(By.tagName("button")), login);
        WebElement row = browser.findElement(By.id("q-" + id));
        assertThat(row.findElement(By.cssSelector("td.reason")).getText()).contains("link");
        clickAndWaitForNextPage(row.findElement(By.cssSelector("button[value='approve-" + id + "']")), row);
        assertThat(browser.findElements(By.id("q-" + id))).isEmpty();

        browser.get(demo.base() + demo.post().path() + "/comments/" + id);
        WebElement approved = browser.findElement(By.id("c-" + id));
        assertThat(approved.findElements(By.cssSelector(".notice"))).isEmpty();
        assertThat(approved.getAttribute("class")).doesNotContain("pending");
        assertThat(RunningDemo.get(RunningDemo.client(), browser.getCurrentUrl()).body()).contains("c-" + id);
    }

    @Test
    @Order(4)
    @DisplayName("script payloads in every field are shown as text and never run, even when clicked")
    void scriptPayloadsDoNotRun() {
        String payload = "<img src=x onerror=\"window.__pwned=1\">";
        browser.get(demo.postUrl());
        WebElement form = browser.findElement(By.id("respond"));
        form.findElement(By.name("name")).sendKeys(payload);
        form.findElement(By.name("url")).sendKeys("javascript:window.__pwned=1");
        form.findElement(By.name("text")).sendKeys("<script>window.__pwned=1</script>");
        clickAndWaitForNextPage(form.findElement(By.cssSelector("button[type=submit]")), form);

        // A javascript: website is refused: the form comes back with the input kept, as text.
        WebElement returned = browser.findElement(By.id("respond"));
        assertThat(returned.findElement(By.cssSelector(".errors")).getText()).isNotBlank();
        assertThat(returned.findElement(By.name("name")).getAttribute("value")).isEqualTo(payload);
        assertThat(returned.findElement(By.name("url")).getAttribute("value")).isEqualTo("javascript:window.__pwned=1");
        assertThat(pwned()).isNull();

        returned.findElement(By.name("url")).clear();
        returned.findElement(By.name("text")).clear();
        String text = "<script>window.__pwned=1</script> " + payload
                + " <a href=\"javascript:window.__pwned=1\">click me</a> javascript:window.__pwned=1";
        returned.findElement(By.name("text")).sendKeys(text);
        clickAndWaitForNextPage(returned.findElement(By.cssSelector("button[type=submit]")), returned);
        String url = browser.getCurrentUrl();
        assertThat(url).contains("#c-");
        WebElement comment = browser.findElement(By.id(url.substring(url.indexOf("#c-") + 1)));

        assertThat(comment.findElement(By.cssSelector(".author")).getText()).isEqualTo(payload);
        assertThat(comment.findElement(By.cssSelector(".comment-text")).getText()).contains("<script>");
        assertThat(comment.findElements(By.cssSelector("script, img[onerror], [onclick]"))).isEmpty();
        assertThat(comment.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
        for (WebElement clickable : comment.findElements(By.xpath(".//*[contains(text(), 'click me')]"))) {
            clickable.click();
        }
        assertThat(pwned()).as("window.__pwned after rendering and clicking").isNull();
        assertThat(browser.getCurrentUrl()).doesNotStartWith("javascript:");
    }
}
