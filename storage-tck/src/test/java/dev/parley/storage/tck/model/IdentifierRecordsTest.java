package dev.parley.storage.tck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.CommentId;
import dev.parley.storage.Linkback;
import dev.parley.storage.ThreadKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Validation of {@link CommentId}, {@link ThreadKey} and {@link Linkback}. */
class IdentifierRecordsTest {

    @Nested
    @DisplayName("CommentId")
    class CommentIds {

        @Test
        @DisplayName("accepts 1 to 64 characters of letters, digits, '_' and '-'")
        void acceptsItsAlphabet() {
            assertThat(CommentId.of("a").value()).isEqualTo("a");
            assertThat(CommentId.of("Az09_-").toString()).isEqualTo("Az09_-");
            assertThat(CommentId.of("x".repeat(CommentId.MAX_LENGTH)).value()).hasSize(64);
        }

        @Test
        @DisplayName("rejects null with a NullPointerException naming the field")
        void rejectsNull() {
            assertThatThrownBy(() -> new CommentId(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("comment id must not be null");
        }

        @Test
        @DisplayName("rejects empty and blank ids, naming the field")
        void rejectsBlank() {
            for (String blank : List.of("", " ", "\t")) {
                assertThatThrownBy(() -> CommentId.of(blank)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("comment id must not be blank");
            }
        }

        @Test
        @DisplayName("rejects ids longer than 64 characters, naming the field, limit and length")
        void rejectsTooLong() {
            assertThatThrownBy(() -> CommentId.of("x".repeat(65))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("comment id must be at most 64 characters, was 65");
        }

        @Test
        @DisplayName("rejects characters outside [A-Za-z0-9_-]")
        void rejectsOtherCharacters() {
            for (String bad : List.of("a b", "a.b", "a/b", "caf\u00e9", "a+b", "\uD83D\uDE00", "a\u0000")) {
                assertThatThrownBy(() -> CommentId.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("comment id must use only");
            }
        }

        @Test
        @DisplayName("compares in binary order: '-' < '0' < 'A' < '_' < 'a'")
        void comparesInBinaryOrder() {
            List<CommentId> ids = new ArrayList<>();
            for (String id : List.of("a", "_", "A", "0", "-", "aa", "B")) {
                ids.add(CommentId.of(id));
            }
            Collections.sort(ids);
            assertThat(ids).extracting(CommentId::value).containsExactly("-", "0", "A", "B", "_", "a", "aa");
        }
    }

    @Nested
    @DisplayName("ThreadKey")
    class ThreadKeys {

        @Test
        @DisplayName("accepts any non-blank text of up to 512 characters, spaces and Unicode included, unchanged")
        void acceptsText() {
            assertThat(ThreadKey.of(" /blog/2026/caf\u00e9 ").value()).isEqualTo(" /blog/2026/caf\u00e9 ");
            assertThat(ThreadKey.of("k".repeat(ThreadKey.MAX_LENGTH)).value()).hasSize(512);
            assertThat(ThreadKey.of("post-1")).hasToString("post-1");
        }

        @Test
        @DisplayName("rejects null, blank and over-long keys, naming the field")
        void rejectsNullBlankAndTooLong() {
            assertThatThrownBy(() -> ThreadKey.of(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("thread key must not be null");
            assertThatThrownBy(() -> ThreadKey.of("  ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("thread key must not be blank");
            assertThatThrownBy(() -> ThreadKey.of("k".repeat(513))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("thread key must be at most 512 characters, was 513");
        }

        @Test
        @DisplayName("rejects control characters, naming the field, the character and its index")
        void rejectsControlCharacters() {
            assertThatThrownBy(() -> ThreadKey.of("a\nb")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("thread key must not contain control characters (found U+000A at index 1)");
            for (String bad : List.of("\u0000x", "x\u007f", "x\u0085", "x\u001b[0m")) {
                assertThatThrownBy(() -> ThreadKey.of(bad)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("thread key must not contain control characters");
            }
        }
    }

    @Nested
    @DisplayName("Linkback")
    class Linkbacks {

        @Test
        @DisplayName("accepts a source URL of up to 2048 characters and a title of up to 512, empty included")
        void acceptsLimits() {
            Linkback linkback = new Linkback("u".repeat(Linkback.MAX_SOURCE_URL_LENGTH), "t".repeat(512));
            assertThat(linkback.sourceUrl()).hasSize(2048);
            assertThat(new Linkback("https://a.example/", "").title()).isEmpty();
        }

        @Test
        @DisplayName("rejects a null, blank, over-long or control-character source URL, naming the field")
        void rejectsBadSources() {
            assertThatThrownBy(() -> new Linkback(null, "")).isInstanceOf(NullPointerException.class)
                    .hasMessage("linkback source url must not be null");
            assertThatThrownBy(() -> new Linkback(" ", "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("linkback source url must not be blank");
            assertThatThrownBy(() -> new Linkback("u".repeat(2049), "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("linkback source url must be at most 2048 characters, was 2049");
            assertThatThrownBy(() -> new Linkback("https://a.example/\r\nX: y", ""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("linkback source url must not contain control characters");
        }

        @Test
        @DisplayName("rejects a null or over-long title, naming the field")
        void rejectsBadTitles() {
            assertThatThrownBy(() -> new Linkback("https://a.example/", null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("linkback title must not be null");
            assertThatThrownBy(() -> new Linkback("https://a.example/", "t".repeat(513)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("linkback title must be at most 512 characters, was 513");
        }
    }
}
