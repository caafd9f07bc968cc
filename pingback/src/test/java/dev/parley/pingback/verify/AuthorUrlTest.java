package dev.parley.pingback.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthorUrlTest {

    @Test
    @DisplayName("an h-card URL holding DEL or a space is left out of the author, not thrown from verifyHtml")
    void anAuthorUrlTheAuthorRecordRefusesIsLeftOut() {
        String page = "<div class=\"h-entry\"><a class=\"p-author h-card\" href=\"https://source.example\u007f/\">"
                + "Alice</a><a href=\"https://target.example/article\">link</a></div>";

        SourceReport report = LinkVerifier.builder().build()
                .verifyHtml(page, "https://source.example/posts/1", "https://target.example/article");

        assertThat(report.linksToTarget()).isTrue();
        assertThat(report.author()).isNotNull();
        assertThat(report.author().name()).isEqualTo("Alice");
        assertThat(report.author().url()).isNull();
    }
}
