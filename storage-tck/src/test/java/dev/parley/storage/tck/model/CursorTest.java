package dev.parley.storage.tck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Cursor;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    @DisplayName("the token is <epoch seconds>.<six-digit micros>.<id>")
    void tokenFormat() {
        Cursor cursor = new Cursor(Instant.parse("2026-01-01T00:00:00.000123Z"), CommentId.of("c1x9"));

        assertThat(cursor.token()).isEqualTo("1767225600.000123.c1x9");
        assertThat(cursor).hasToString("1767225600.000123.c1x9");
    }

    @Test
    @DisplayName("a token reads back as the same cursor, before and after the epoch, at both ends of the range")
    void tokenRoundTrips() {
        List<Instant> instants = List.of(Comment.EARLIEST, Instant.parse("1969-12-31T23:59:59.999999Z"),
                Instant.parse("1969-12-31T23:59:59Z"), Instant.EPOCH, Instant.parse("2026-03-29T01:30:00.5Z"),
                Comment.LATEST);
        for (Instant instant : instants) {
            for (String id : List.of("a", "-", "_", "A-z_0", "x".repeat(CommentId.MAX_LENGTH))) {
                Cursor cursor = new Cursor(instant, CommentId.of(id));
                assertThat(Cursor.parse(cursor.token())).as(cursor.token()).isEqualTo(cursor);
            }
        }
    }

    @Test
    @DisplayName("a cursor keeps microseconds and drops finer digits, as Comment does")
    void truncatesToMicros() {
        Cursor cursor = new Cursor(Instant.parse("2026-01-01T00:00:00.123456789Z"), CommentId.of("a"));

        assertThat(cursor.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
    }

    @Test
    @DisplayName("Cursor.after positions at a comment's creation time and id")
    void afterComment() {
        Comment comment = Comment.builder().id(CommentId.of("c7")).thread(ThreadKey.of("t"))
                .author(Author.named("A")).createdAt(Instant.parse("2026-01-01T00:00:01Z")).build();

        assertThat(Cursor.after(comment)).isEqualTo(new Cursor(comment.createdAt(), comment.id()));
    }

    @Test
    @DisplayName("null components and a null token are rejected with a NullPointerException naming them")
    void nulls() {
        assertThatThrownBy(() -> new Cursor(null, CommentId.of("a"))).isInstanceOf(NullPointerException.class)
                .hasMessage("cursor created at must not be null");
        assertThatThrownBy(() -> new Cursor(Instant.EPOCH, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("cursor id must not be null");
        assertThatThrownBy(() -> Cursor.parse(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("cursor token must not be null");
    }

    @Test
    @DisplayName("malformed tokens are rejected with an IllegalArgumentException quoting them")
    void malformedTokens() {
        List<String> malformed = List.of("", "abc", "1767225600", "1767225600.000123", "1767225600.000123.",
                ".000123.a", "1767225600.123.a", "1767225600.1234567.a", "1767225600.00012x.a", "1767225600.-00012.a",
                "x.000123.a", "1767225600.000123.a b", "1767225600.000123.caf\u00e9", "1767225600..000123.a",
                "99999999999999999.000000.a", "1767225600.000123." + "a".repeat(90));
        for (String token : malformed) {
            assertThatThrownBy(() -> Cursor.parse(token)).as("\"%s\"", token)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cursor token is malformed: \"");
        }
    }

    @Test
    @DisplayName("a long malformed token is abbreviated in the message")
    void longTokenIsAbbreviated() {
        String token = "z".repeat(500);

        assertThatThrownBy(() -> Cursor.parse(token)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cursor token is malformed: \"" + "z".repeat(40) + "...\"");
    }
}
