package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.CommentService;
import dev.parley.core.PostRequest;
import dev.parley.core.PostResult;
import dev.parley.core.content.InputFormat;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The post page's layout in a real headless Chromium, at a desktop width (1280 px) and a phone's (390 px): a
 * 10,000-character word, a wide {@code pre}, a thread deeper than the depth cap and a deleted comment with
 * replies must not make the page wider than the window, and the form shows every problem at once. Screenshots
 * go to {@code target/browser-test/}, beside {@link BrowserTest}'s.
 */
@DisplayName("The post page's layout in a real browser, at 1280 and 390 px")
class PageLayoutBrowserTest {

    @RegisterExtension
    static final DemoInChromium SITE = new DemoInChromium();

    private static final String LONG_WORD = "x".repeat(10_000);

    private static Comment longWord;
    private static Comment wideCode;
    private static final List<Comment> CHAIN = new ArrayList<>();
    private static Comment deleted;
    private static Comment replyToDeleted;

    @BeforeAll
    static void start() {
        CommentService comments = SITE.demo().server.comments();
        longWord = post(comments, null, "Wordy Wanda", LONG_WORD, InputFormat.PLAIN_TEXT);
        wideCode = post(comments, null, "Coder Cas", "<pre>" + "let wide = 1; ".repeat(40) + "</pre>",
                InputFormat.HTML);
        CommentId parent = null;
        for (int level = 0; level < 8; level++) {
            Comment comment = post(comments, parent, "Deep Writer " + level, "Level " + level + " of the thread.",
                    InputFormat.PLAIN_TEXT);
            CHAIN.add(comment);
            parent = comment.id();
        }
        deleted = post(comments, null, "Gone Soon", "This comment will be deleted.", InputFormat.PLAIN_TEXT);
        replyToDeleted = post(comments, deleted.id(), "Still Here", "A reply that keeps the deleted comment's place.",
                InputFormat.PLAIN_TEXT);
        comments.delete(deleted.id());
    }

    private static Comment post(CommentService comments, CommentId parent, String name, String text,
            InputFormat format) {
        PostResult result = comments.post(PostRequest.builder(SITE.demo().post().thread(), text).inReplyTo(parent)
                .author(name, null, null).format(format).build());
        assertThat(result).as(name).isInstanceOf(PostResult.Accepted.class);
        return ((PostResult.Accepted) result).comment();
    }

    /** Opens a comment's permalink, which redirects to the page that holds it. */
    private static void open(Comment comment) {
        SITE.browser().get(SITE.demo().base() + SITE.demo().post().path() + "/comments/" + comment.id().value());
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) SITE.browser()).executeScript(script, args);
    }

    private static long number(String script, Object... args) {
        return ((Number) js(script, args)).longValue();
    }

    /** The page may scroll down but never sideways: it is no wider than the window. */
    private static void assertNotWiderThanTheWindow(String what) {
        long scrollWidth = number("return document.documentElement.scrollWidth;");
        long viewport = number("return document.documentElement.clientWidth;");
        assertThat(scrollWidth).as(what + ": document width against the window's " + viewport + " px")
                .isLessThanOrEqualTo(viewport);
    }

    /** Saves the whole page, top to bottom at the window's width, as a PNG. */
    private static void screenshot(String name) throws Exception {
        screenshot(name, 0, number("return document.documentElement.scrollHeight;"));
    }

    /** Saves the page from the top of this element down, at the window's width, as a PNG. */
    private static void screenshotFrom(WebElement element, String name) throws Exception {
        long top = number("return Math.floor(arguments[0].getBoundingClientRect().top + window.scrollY);", element);
        screenshot(name, top, number("return document.documentElement.scrollHeight;") - top);
    }

    private static void screenshot(String name, long top, long height) throws Exception {
        long width = number("return document.documentElement.clientWidth;");
        Map<String, Object> shot = SITE.browser().executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", top, "width", width, "height", Math.min(height, 16_000), "scale", 1)));
        Files.write(DemoInChromium.screenshotFile(name), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static WebElement comment(Comment comment) {
        return SITE.browser().findElement(By.id("c-" + comment.id().value()));
    }

    @Test
    @DisplayName("a 10,000-character word wraps inside its comment at 1280 and 390 px, and a wide pre scrolls in its box")
    void longWordWraps() throws Exception {
        for (int pixels : new int[] {1280, 390}) {
            SITE.width(pixels);
            open(longWord);
            WebElement text = comment(longWord).findElement(By.cssSelector(".comment-text"));

            assertThat(text.getText()).isEqualTo(LONG_WORD);
            assertNotWiderThanTheWindow("long word at " + pixels + " px");
            assertThat(number("return arguments[0].getBoundingClientRect().right;", text))
                    .isLessThanOrEqualTo(number("return document.documentElement.clientWidth;"));
            screenshot("post-page-long-word-" + pixels + ".png");

            open(wideCode);
            WebElement pre = comment(wideCode).findElement(By.tagName("pre"));
            assertNotWiderThanTheWindow("wide pre at " + pixels + " px");
            assertThat(number("return arguments[0].scrollWidth - arguments[0].clientWidth;", pre))
                    .as("the pre scrolls sideways inside its own box").isPositive();
            assertThat(js("return getComputedStyle(arguments[0]).overflowX;", pre)).isEqualTo("auto");
        }
    }

    @Test
    @DisplayName("a thread deeper than the cap fits at 1280 and 390 px, and flattened replies link to whom they answer")
    void deepThread() throws Exception {
        for (int pixels : new int[] {1280, 390}) {
            SITE.width(pixels);
            open(CHAIN.get(7));
            assertNotWiderThanTheWindow("deep thread at " + pixels + " px");
            screenshot("post-page-deep-thread-" + pixels + ".png");

            WebElement note = comment(CHAIN.get(7)).findElement(By.cssSelector(":scope > .comment-body .in-reply-to"));
            assertThat(note.getText()).isEqualTo("in reply to Deep Writer 6");
            assertThat(note.isDisplayed()).isTrue();
            note.findElement(By.tagName("a")).click();
            new WebDriverWait(SITE.browser(), Duration.ofSeconds(10))
                    .until(driver -> URI.create(driver.getCurrentUrl()).getFragment() != null);
            assertThat(URI.create(SITE.browser().getCurrentUrl()).getFragment())
                    .isEqualTo("c-" + CHAIN.get(6).id().value());
            assertThat(js("return document.querySelector(':target').id;")).isEqualTo("c-" + CHAIN.get(6).id().value());
        }
    }

    @Test
    @DisplayName("a deleted comment's note reads on one line beside where the avatar would be, at 390 px too")
    void deletedPlaceholderOnOneLine() throws Exception {
        for (int pixels : new int[] {1280, 390}) {
            SITE.width(pixels);
            // The deleted comment has no permalink of its own any more: its reply's page holds its place.
            open(replyToDeleted);
            WebElement note = comment(deleted).findElement(By.cssSelector(":scope > .comment-body > .deleted"));

            assertThat(note.getText()).isEqualTo("This comment was deleted.");
            double lineHeight = ((Number) js("return parseFloat(getComputedStyle(arguments[0]).lineHeight);", note))
                    .doubleValue();
            assertThat((double) note.getSize().getHeight()).as("one line at " + pixels + " px")
                    .isLessThan(lineHeight * 1.5);
            assertNotWiderThanTheWindow("deleted comment at " + pixels + " px");
        }
    }

    @Test
    @DisplayName("the form reports every problem at once, each next to its field, and the page still fits at 390 px")
    void everyProblemAtOnce() throws Exception {
        SITE.width(390);
        SITE.browser().get(SITE.demo().postUrl());
        WebElement form = SITE.browser().findElement(By.id("respond"));
        assertThat(form.findElement(By.name("name")).getAttribute("required")).isEqualTo("true");
        // Values the browser's own checks let through (required, type=email, type=url) and the server refuses.
        form.findElement(By.name("name")).sendKeys("   ");
        form.findElement(By.name("email")).sendKeys("someone@localhost");
        form.findElement(By.name("url")).sendKeys("https://example.com/a\"b");
        form.findElement(By.name("text")).sendKeys("   ");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(SITE.browser(), Duration.ofSeconds(20))
                .until(driver -> !driver.findElements(By.id("respond-errors")).isEmpty());

        for (String field : new String[] {"name", "email", "url", "text"}) {
            WebElement input = SITE.browser().findElement(By.id("respond-" + field));
            String describedBy = input.getAttribute("aria-describedby");
            assertThat(describedBy).as(field).isEqualTo("respond-" + field + "-error");
            WebElement message = SITE.browser().findElement(By.id(describedBy));
            assertThat(message.isDisplayed()).as(field).isTrue();
            assertThat(message.getText()).as(field).isNotBlank();
            assertThat(message.getLocation().getY()).as(field + ": the message is just below its field")
                    .isBetween(input.getLocation().getY() + input.getSize().getHeight(),
                            input.getLocation().getY() + input.getSize().getHeight() + 20);
        }
        assertThat(SITE.browser().findElements(By.cssSelector("#respond-errors li"))).hasSize(4);
        assertThat(SITE.browser().findElement(By.id("respond-url")).getAttribute("value"))
                .isEqualTo("https://example.com/a\"b");
        assertNotWiderThanTheWindow("form with errors at 390 px");
        screenshotFrom(SITE.browser().findElement(By.id("respond")), "post-page-form-errors-390.png");
    }
}
