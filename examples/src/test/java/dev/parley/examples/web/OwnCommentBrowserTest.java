package dev.parley.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Drives a real headless Chromium, with no script on the pages, through an author's own comment: post it, land
 * among the comments before it, edit it with the pre-filled form, delete it after confirming. A screenshot of
 * the comment with its controls goes to {@code target/browser-test/}.
 */
@DisplayName("An author edits and deletes their own comment in a real browser")
class OwnCommentBrowserTest {

    @RegisterExtension
    static final DemoInChromium SITE = new DemoInChromium();

    @Test
    @DisplayName("posts, lands among earlier comments, edits with the pre-filled form, then deletes")
    void editsAndDeletesOwnComment() throws Exception {
        SITE.browser().get(SITE.demo().postUrl());
        String anchor = "c-" + SITE.submit(SITE.browser().findElement(By.id("respond")), "Own Browser",
                "Frist comment, with a typo.");

        // Landed on the page that ends with the new comment, earlier roots above it, not on a page of its own.
        List<String> roots = SITE.browser().findElements(By.cssSelector("ol.thread > li.comment")).stream()
                .map(element -> element.getAttribute("id")).toList();
        assertThat(roots).hasSize(5).last().isEqualTo(anchor);
        assertThat(roots.subList(0, 4)).doesNotContain(anchor).doesNotHaveDuplicates();
        assertThat(SITE.browser().findElements(By.cssSelector("nav.pages a[rel=prev]"))).hasSize(1);

        WebElement mine = SITE.browser().findElement(By.id(anchor));
        assertThat(mine.findElements(By.cssSelector(".own-controls"))).hasSize(1);
        SITE.screenshot("own-comment.png");

        WebElement edit = mine.findElement(By.cssSelector(".own-controls a.edit"));
        SITE.clickAndWaitForNextPage(edit, edit);
        WebElement text = SITE.browser().findElement(By.cssSelector("form#edit textarea[name=text]"));
        assertThat(text.getAttribute("value")).isEqualTo("Frist comment, with a typo.");
        text.clear();
        text.sendKeys("First comment, typo fixed.");
        WebElement save = SITE.browser().findElement(By.cssSelector("form#edit button[type=submit]"));
        SITE.clickAndWaitForNextPage(save, save);

        assertThat(SITE.browser().getCurrentUrl()).endsWith("#" + anchor);
        WebElement edited = SITE.browser().findElement(By.id(anchor));
        assertThat(edited.findElement(By.cssSelector(".comment-text")).getText()).isEqualTo("First comment, typo fixed.");

        edited.findElement(By.cssSelector(".own-controls details.delete summary")).click();
        WebElement delete = edited.findElement(By.cssSelector(".own-controls details.delete button[type=submit]"));
        assertThat(delete.isDisplayed()).isTrue();
        SITE.clickAndWaitForNextPage(delete, delete);

        assertThat(SITE.browser().findElements(By.id(anchor))).isEmpty();
        assertThat(SITE.browser().getPageSource()).doesNotContain("typo fixed");
    }
}
