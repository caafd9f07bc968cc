package dev.parley.storage.tck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Author;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuthorTest {

    private static final Author FULL = new Author("Ada", "ada@example.org", "https://ada.example/", "u1",
            "192.0.2.1", "UA");

    @Test
    @DisplayName("a name alone is enough; every other component is null when absent")
    void nameAlone() {
        Author author = Author.named("Ada");
        assertThat(author.name()).isEqualTo("Ada");
        assertThat(author.email()).isNull();
        assertThat(author.url()).isNull();
        assertThat(author.userId()).isNull();
        assertThat(author.ip()).isNull();
        assertThat(author.userAgent()).isNull();
    }

    @Test
    @DisplayName("the withers copy the author with one component changed")
    void withers() {
        Author author = Author.named("Ada").withEmail("a@example.org").withUrl("https://a.example/")
                .withUserId("u1").withClient("192.0.2.1", "UA");
        assertThat(author).isEqualTo(new Author("Ada", "a@example.org", "https://a.example/", "u1", "192.0.2.1", "UA"));
        assertThat(author.withEmail(null).email()).isNull();
    }

    @Test
    @DisplayName("a null name is rejected with a NullPointerException naming the field")
    void nullName() {
        assertThatThrownBy(() -> Author.named(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("author name must not be null");
    }

    @Test
    @DisplayName("each component, when present, is rejected blank with a message naming it")
    void blankComponents() {
        assertBlankRejected("author name", blank -> new Author(blank, null, null, null, null, null));
        assertBlankRejected("author email", blank -> FULL.withEmail(blank));
        assertBlankRejected("author url", blank -> FULL.withUrl(blank));
        assertBlankRejected("author user id", blank -> FULL.withUserId(blank));
        assertBlankRejected("author ip", blank -> FULL.withClient(blank, "UA"));
        assertBlankRejected("author user agent", blank -> FULL.withClient("192.0.2.1", blank));
    }

    @Test
    @DisplayName("each component is accepted at its maximum length and rejected one over, naming it")
    void overLongComponents() {
        assertLimit("author name", Author.MAX_NAME_LENGTH, s -> new Author(s, null, null, null, null, null));
        assertLimit("author email", Author.MAX_EMAIL_LENGTH, FULL::withEmail);
        assertLimit("author url", Author.MAX_URL_LENGTH, FULL::withUrl);
        assertLimit("author user id", Author.MAX_USER_ID_LENGTH, FULL::withUserId);
        assertLimit("author ip", Author.MAX_IP_LENGTH, s -> FULL.withClient(s, "UA"));
        assertLimit("author user agent", Author.MAX_USER_AGENT_LENGTH, s -> FULL.withClient("192.0.2.1", s));
    }

    private static void assertBlankRejected(String field, Function<String, Author> make) {
        for (String blank : new String[] {"", "   "}) {
            assertThatThrownBy(() -> make.apply(blank)).as(field).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(field + " must not be blank");
        }
    }

    private static void assertLimit(String field, int max, Function<String, Author> make) {
        assertThat(make.apply("x".repeat(max))).isNotNull();
        assertThatThrownBy(() -> make.apply("x".repeat(max + 1))).as(field)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(field + " must be at most " + max + " characters, was " + (max + 1));
    }
}
