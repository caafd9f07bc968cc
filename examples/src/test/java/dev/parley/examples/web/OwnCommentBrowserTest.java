package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives a real headless Chromium, with no script on the pages, through an author's own comment: post it, land
 * among the comments before it, edit it with the pre-filled form, delete it after confirming. A screenshot of
 * the comment with its controls goes to {@code target/browser-test/}.
 */
@DisplayName("An author edits and deletes their own comment in a real browser")
class OwnCommentBrowserTest {

    private static final Path OUTPUT = Path.of("target", "browser-test");

    private static RunningDemo demo;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        demo = RunningDemo.start();
        browser = HeadlessChromium.start(Files.createTempDirectory("parley-chromium-own"));
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            demo.close();
        }
    }

    /** Clicks something that submits or navigates, and waits until the page it was on is replaced. */
    private static void clickAndWaitForNextPage(WebElement clickable, WebElement onOldPage) {
        clickable.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> isGone(onOldPage));
    }

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

    private static String post(String name, String text) {
        WebElement form = browser.findElement(By.id("respond"));
        form.findElement(By.name("name")).sendKeys(name);
        form.findElement(By.name("text")).sendKeys(text);
        clickAndWaitForNextPage(form.findElement(By.cssSelector("button[type=submit]")), form);
        String url = browser.getCurrentUrl();
        assertThat(url).contains("#c-");
        return url.substring(url.indexOf("#c-") + 1);
    }

    @Test
    @DisplayName("posts, lands among earlier comments, edits with the pre-filled form, then deletes")
    void editsAndDeletesOwnComment() throws Exception {
        browser.get(demo.postUrl());
        String anchor = post("Own Browser", "Frist comment, with a typo.");

        // Landed on the page that ends with the new comment, earlier roots above it, not on a page of its own.
        List<String> roots = browser.findElements(By.cssSelector("ol.thread > li.comment")).stream()
                .map(element -> element.getAttribute("id")).toList();
        assertThat(roots).hasSize(5).last().isEqualTo(anchor);
        assertThat(roots.subList(0, 4)).doesNotContain(anchor).doesNotHaveDuplicates();
        assertThat(browser.findElements(By.cssSelector("nav.pages a[rel=prev]"))).hasSize(1);

        WebElement mine = browser.findElement(By.id(anchor));
        assertThat(mine.findElements(By.cssSelector(".own-controls"))).hasSize(1);
        Files.createDirectories(OUTPUT);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), OUTPUT.resolve("own-comment.png"),
                StandardCopyOption.REPLACE_EXISTING);

        WebElement edit = mine.findElement(By.cssSelector(".own-controls a.edit"));
        clickAndWaitForNextPage(edit, edit);
        WebElement text = browser.findElement(By.cssSelector("form#edit textarea[name=text]"));
        assertThat(text.getAttribute("value")).isEqualTo("Frist comment, with a typo.");
        text.clear();
        text.sendKeys("First comment, typo fixed.");
        WebElement save = browser.findElement(By.cssSelector("form#edit button[type=submit]"));
        clickAndWaitForNextPage(save, save);

        assertThat(browser.getCurrentUrl()).endsWith("#" + anchor);
        WebElement edited = browser.findElement(By.id(anchor));
        assertThat(edited.findElement(By.cssSelector(".comment-text")).getText()).isEqualTo("First comment, typo fixed.");

        edited.findElement(By.cssSelector(".own-controls details.delete summary")).click();
        WebElement delete = edited.findElement(By.cssSelector(".own-controls details.delete button[type=submit]"));
        assertThat(delete.isDisplayed()).isTrue();
        clickAndWaitForNextPage(delete, delete);

        assertThat(browser.findElements(By.id(anchor))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("typo fixed");
    }
}
