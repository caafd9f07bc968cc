package dev.parley.storage.tck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.Provenance;
import dev.parley.storage.Provenance.Field;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    private static Provenance with(List<Field> fields, List<Field> metadata) {
        return new Provenance("wordpress", "17", null, null, null, null, null, fields, metadata);
    }

    private static List<Field> entries(int count, String prefix) {
        List<Field> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new Field(prefix + i, "v"));
        }
        return entries;
    }

    @Nested
    @DisplayName("components")
    class Components {

        @Test
        @DisplayName("of(system, source id) sets those two; every optional component is null and both lists empty")
        void ofSetsSystemAndSourceIdOnly() {
            Provenance provenance = Provenance.of("isso", "42");

            assertThat(provenance).isEqualTo(
                    new Provenance("isso", "42", null, null, null, null, null, List.of(), List.of()));
            assertThat(provenance.threadId()).isNull();
            assertThat(provenance.parentId()).isNull();
            assertThat(provenance.status()).isNull();
            assertThat(provenance.type()).isNull();
            assertThat(provenance.date()).isNull();
            assertThat(provenance.fields()).isEmpty();
            assertThat(provenance.metadata()).isEmpty();
        }

        @Test
        @DisplayName("the system is 1 to 32 characters of [a-z0-9._-], never null")
        void systemIsARestrictedName() {
            assertThat(Provenance.of("a", "1").system()).isEqualTo("a");
            assertThat(Provenance.of("remark42.v1_2-x", "1").system()).isEqualTo("remark42.v1_2-x");
            assertThat(Provenance.of("s".repeat(32), "1").system()).hasSize(32);
            for (String bad : new String[] {"", "s".repeat(33), "WordPress", "word press", "wp/1", "\u00E9"}) {
                assertThatThrownBy(() -> Provenance.of(bad, "1")).as("system \"%s\"", bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("system must be 1 to 32 characters of a-z, 0-9, '.', '_' and '-', was \""
                                + bad + "\"");
            }
            assertThatThrownBy(() -> Provenance.of(null, "1")).isInstanceOf(NullPointerException.class)
                    .hasMessage("system must not be null");
        }

        @Test
        @DisplayName("the source id is 1 to 1,024 characters of any kind, never null")
        void sourceIdIsRequired() {
            assertThat(Provenance.of("disqus", "\u0000 \" \uD800").sourceId()).isEqualTo("\u0000 \" \uD800");
            assertThatThrownBy(() -> Provenance.of("disqus", null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("source id must not be null");
            assertThatThrownBy(() -> Provenance.of("disqus", "")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("source id must not be empty");
            assertLimit("source id", Provenance.MAX_ID_LENGTH, s -> Provenance.of("disqus", s));
        }

        @Test
        @DisplayName("each optional raw value is accepted empty, with any character and at its maximum length,"
                + " and rejected one over, naming it")
        void optionalValuesHaveLimits() {
            Provenance empty = Provenance.builder("wordpress", "1").threadId("").parentId("").status("").type("")
                    .date("").build();
            assertThat(empty.threadId()).isEmpty();
            assertThat(empty.type()).isEmpty();
            String raw = "\u0000\u001F\u007F\"\\\uDC00";
            assertThat(Provenance.builder("wordpress", "1").status(raw).build().status()).isEqualTo(raw);

            assertLimit("thread id", Provenance.MAX_THREAD_ID_LENGTH,
                    s -> Provenance.builder("wordpress", "1").threadId(s).build());
            assertLimit("parent id", Provenance.MAX_ID_LENGTH,
                    s -> Provenance.builder("wordpress", "1").parentId(s).build());
            assertLimit("status", Provenance.MAX_RAW_LENGTH,
                    s -> Provenance.builder("wordpress", "1").status(s).build());
            assertLimit("type", Provenance.MAX_RAW_LENGTH, s -> Provenance.builder("wordpress", "1").type(s).build());
            assertLimit("date", Provenance.MAX_RAW_LENGTH, s -> Provenance.builder("wordpress", "1").date(s).build());
        }

        @Test
        @DisplayName("fields and metadata are never null and hold no null entry")
        void listsAreRequired() {
            assertThatThrownBy(() -> with(null, List.of())).isInstanceOf(NullPointerException.class)
                    .hasMessage("fields must not be null");
            assertThatThrownBy(() -> with(List.of(), null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("metadata must not be null");
            List<Field> withNull = new ArrayList<>();
            withNull.add(null);
            assertThatThrownBy(() -> with(withNull, List.of())).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> with(List.of(), withNull)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    @DisplayName("limits of the whole")
    class Limits {

        @Test
        @DisplayName("fields and metadata hold 1,000 entries together at most")
        void atMostAThousandEntries() {
            Provenance full = with(entries(600, "f"), entries(400, "m"));
            assertThat(full.fields().size() + full.metadata().size()).isEqualTo(Provenance.MAX_ENTRIES);

            assertThatThrownBy(() -> with(entries(600, "f"), entries(401, "m")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("fields and metadata must hold at most 1000 entries together, had 1001");
            assertThatThrownBy(() -> with(entries(1001, "f"), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("fields and metadata must hold at most 1000 entries together, had 1001");
        }

        @Test
        @DisplayName("all strings together hold 1,048,576 characters at most: ids, raw values, names and values")
        void atMostAMebicharacterInAll() {
            // "s" + "1" + "n" + the value: 3 characters besides it.
            String longest = "v".repeat(Provenance.MAX_TOTAL_LENGTH - 3);
            assertThat(new Provenance("s", "1", null, null, null, null, null, List.of(new Field("n", longest)),
                    List.of()).fields().get(0).value()).hasSize(1_048_573);

            assertThatThrownBy(() -> new Provenance("s", "1", null, null, null, null, null,
                    List.of(new Field("n", longest + "v")), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("provenance must hold at most 1048576 characters in all, had 1048577");
            assertThatThrownBy(() -> new Provenance("s", "1", "t", null, null, null, null, List.of(),
                    List.of(new Field("n", longest))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("provenance must hold at most 1048576 characters in all, had 1048577");
            assertThat(new Provenance("s", "1", null, null, null, null, null, List.of(),
                    List.of(new Field("n", longest))).metadata()).hasSize(1);
        }

        @Test
        @DisplayName("the total counts every component: a long thread id, parent id and raw values leave less for"
                + " the entries")
        void totalCountsEveryComponent() {
            String thread = "t".repeat(Provenance.MAX_THREAD_ID_LENGTH);
            String parent = "p".repeat(Provenance.MAX_ID_LENGTH);
            String raw = "r".repeat(Provenance.MAX_RAW_LENGTH);
            int besides = 1 + 1 + thread.length() + parent.length() + 3 * raw.length() + 1;
            String fits = "v".repeat(Provenance.MAX_TOTAL_LENGTH - besides);

            assertThat(new Provenance("s", "1", thread, parent, raw, raw, raw, List.of(new Field("n", fits)),
                    List.of())).isNotNull();
            assertThatThrownBy(() -> new Provenance("s", "1", thread, parent, raw, raw, raw,
                    List.of(new Field("n", fits + "v")), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("provenance must hold at most 1048576 characters in all, had 1048577");
        }
    }

    @Nested
    @DisplayName("fields and metadata")
    class Entries {

        @Test
        @DisplayName("an entry's name is 1 to 255 characters and its value any text, empty included, never null")
        void fieldChecks() {
            assertThat(new Field("n", "").value()).isEmpty();
            assertThat(new Field("\u0000\"", "\uD800\n").name()).isEqualTo("\u0000\"");
            assertThatThrownBy(() -> new Field(null, "v")).isInstanceOf(NullPointerException.class)
                    .hasMessage("field name must not be null");
            assertThatThrownBy(() -> new Field("n", null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("field \"n\" must not have a null value");
            assertThatThrownBy(() -> new Field("", "v")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("field name must not be empty");
            assertLimit("field name", Field.MAX_NAME_LENGTH, s -> new Field(s, "v"));
        }

        @Test
        @DisplayName("are copied in, keep their order and repeated names, and are unmodifiable out")
        void copiedInOrderAndUnmodifiable() {
            List<Field> fields = new ArrayList<>(List.of(new Field("b", "1"), new Field("a", "2"),
                    new Field("b", "3")));
            List<Field> metadata = new ArrayList<>(List.of(new Field("z", ""), new Field("z", "")));
            Provenance provenance = with(fields, metadata);
            fields.clear();
            metadata.add(new Field("later", "x"));

            assertThat(provenance.fields()).containsExactly(new Field("b", "1"), new Field("a", "2"),
                    new Field("b", "3"));
            assertThat(provenance.metadata()).containsExactly(new Field("z", ""), new Field("z", ""));
            assertThatThrownBy(() -> provenance.fields().add(new Field("c", "4")))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> provenance.metadata().remove(0))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        @DisplayName("order matters to equality: the same entries in another order make another provenance")
        void orderMattersToEquality() {
            Provenance ab = with(List.of(new Field("a", "1"), new Field("b", "2")), List.of());
            Provenance ba = with(List.of(new Field("b", "2"), new Field("a", "1")), List.of());

            assertThat(ab).isNotEqualTo(ba);
            assertThat(ab).isEqualTo(with(List.of(new Field("a", "1"), new Field("b", "2")), List.of()));
            assertThat(ab.hashCode())
                    .isEqualTo(with(List.of(new Field("a", "1"), new Field("b", "2")), List.of()).hashCode());
        }

        @Test
        @DisplayName("field(name) returns the first field's value with that name, null when none has it, and never"
                + " looks at metadata")
        void fieldLookup() {
            Provenance provenance = Provenance.builder("wordpress", "1")
                    .field("comment_author_IP", "192.0.2.7")
                    .field("comment_agent", "")
                    .field("comment_author_IP", "198.51.100.9")
                    .metadata("akismet_result", "false")
                    .build();

            assertThat(provenance.field("comment_author_IP")).isEqualTo("192.0.2.7");
            assertThat(provenance.field("comment_agent")).isEmpty();
            assertThat(provenance.field("comment_karma")).isNull();
            assertThat(provenance.field("akismet_result")).isNull();
            assertThat(provenance.field("Comment_Author_IP")).isNull();
            assertThatThrownBy(() -> provenance.field(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("name must not be null");
        }
    }

    @Nested
    @DisplayName("builder")
    class Builder {

        @Test
        @DisplayName("sets every component; fields and metadata in the order added")
        void setsEveryComponent() {
            Provenance built = Provenance.builder("wordpress", "17")
                    .threadId("4").parentId("0").status("1").type("").date("2009-05-17 23:04:33")
                    .field("b", "1").metadata("z", "2").field("a", "3").metadata("z", "4")
                    .build();

            assertThat(built).isEqualTo(new Provenance("wordpress", "17", "4", "0", "1", "", "2009-05-17 23:04:33",
                    List.of(new Field("b", "1"), new Field("a", "3")),
                    List.of(new Field("z", "2"), new Field("z", "4"))));
        }

        @Test
        @DisplayName("setting an optional value to null clears it")
        void nullClears() {
            Provenance built = Provenance.builder("wordpress", "17").threadId("4").threadId(null).date("d")
                    .date(null).build();

            assertThat(built).isEqualTo(Provenance.of("wordpress", "17"));
        }

        @Test
        @DisplayName("a provenance built earlier is not changed by entries added to the builder afterwards")
        void buildsAreIndependent() {
            Provenance.Builder builder = Provenance.builder("disqus", "9").field("a", "1");
            Provenance first = builder.build();
            builder.field("b", "2").metadata("m", "3");
            Provenance second = builder.build();

            assertThat(first.fields()).containsExactly(new Field("a", "1"));
            assertThat(first.metadata()).isEmpty();
            assertThat(second.fields()).containsExactly(new Field("a", "1"), new Field("b", "2"));
            assertThat(second.metadata()).containsExactly(new Field("m", "3"));
        }

        @Test
        @DisplayName("an invalid entry is refused when added; an invalid system, id or value when built")
        void checks() {
            Provenance.Builder builder = Provenance.builder("disqus", "9");
            assertThatThrownBy(() -> builder.field("", "v")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("field name must not be empty");
            assertThatThrownBy(() -> builder.metadata("k", null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("field \"k\" must not have a null value");
            assertThat(builder.build()).isEqualTo(Provenance.of("disqus", "9"));

            assertThatThrownBy(() -> Provenance.builder("Disqus", "9").build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Provenance.builder("disqus", null).build())
                    .isInstanceOf(NullPointerException.class).hasMessage("source id must not be null");
            assertThatThrownBy(() -> Provenance.builder("disqus", "9").date("d".repeat(256)).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("date must be at most 255 characters, was 256");
        }
    }

    @Test
    @DisplayName("a comment has no provenance unless given one, and keeps it through toBuilder()")
    void commentCarriesItsProvenance() {
        Comment.Builder builder = Comment.builder().id(CommentId.of("c1")).thread(ThreadKey.of("post-1"))
                .author(Author.named("Ada")).createdAt(Instant.parse("2026-01-01T00:00:00Z"));
        Provenance provenance = Provenance.builder("wordpress", "17").metadata("k", "v").build();

        assertThat(builder.build().provenance()).isNull();
        Comment imported = builder.provenance(provenance).build();
        assertThat(imported.provenance()).isSameAs(provenance);
        assertThat(imported.toBuilder().build()).isEqualTo(imported);
        assertThat(imported.toBuilder().provenance(null).build().provenance()).isNull();
        assertThat(imported).isNotEqualTo(imported.toBuilder().provenance(Provenance.of("wordpress", "17")).build());
    }

    private static void assertLimit(String field, int max, Function<String, ?> make) {
        assertThat(make.apply("x".repeat(max))).isNotNull();
        assertThatThrownBy(() -> make.apply("x".repeat(max + 1))).as(field)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(field + " must be at most " + max + " characters, was " + (max + 1));
    }
}
