package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Kind;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link Comment#provenance()}, where an imported comment came from: kept exactly, whatever its raw values
 * hold, through every read, and changed only by an update.
 */
abstract class ProvenanceRules extends StoreRules {

    /** Every C0 control character, U+0000 first, and DEL: JSON must escape them, PostgreSQL refuses U+0000. */
    static final String CONTROL_CHARACTERS = controlCharacters();

    /**
     * Raw values as imports meet them, each a trap for some encoding: empty, control characters, quotes and
     * backslashes (an escape written as text included), JSON as text, astral characters, unpaired surrogates
     * at either end and swapped (a JSON source can hold them; UTF-8 cannot), line and paragraph separators,
     * spaces around.
     */
    static final List<String> RAW_VALUES = List.of(
            "",
            CONTROL_CHARACTERS,
            "\"quoted\", 'single', back\\slash, \\u0041 and \\n as text, a final backslash\\",
            "{\"id\": 17, \"tags\": [\"a\", null]}",
            "\uD83D\uDC4D\uD83C\uDFFD \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \uD834\uDD1E \uD840\uDC0B",
            "\uDC00 starts with a low surrogate and ends with a high one \uD800",
            "swapped \uDC00\uD800 pair, lone \uDBFF and \uDFFF",
            "\u2028\u2029\uFEFF\u00A0 e\u0301 \u0645\u0631\u062D\u0628\u0627",
            "  spaces around  ");

    ProvenanceRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    @Test
    @DisplayName("a provenance with every component set, fields and metadata in source order with repeated keys,"
            + " reads back equal through find, findAll, roots, replies, queue, scan and findLinkback")
    void fullProvenanceReadsBackThroughEveryRead() {
        Comment root = Comments.root("r", "post-1", at(0)).provenance(imported("101", "0")).build();
        Comment reply = Comments.reply("r-1", root, at(1)).status(Status.PENDING)
                .provenance(imported("102", "101")).build();
        Comment pingback = Comments.linkback("lb", "post-1", Kind.PINGBACK, "https://other.example/post", at(2))
                .provenance(Provenance.builder("wordpress", "103").threadId("17").parentId("0").status("1")
                        .type("pingback").date("2009-05-17 21:06:00").build())
                .build();
        insert(root, reply, pingback);

        assertThat(stored("r")).isEqualTo(root);
        assertThat(stored("r").provenance()).isEqualTo(root.provenance());
        assertThat(stored("r").provenance().metadata()).containsExactlyElementsOf(root.provenance().metadata());
        assertThat(stored("r").provenance().fields()).containsExactlyElementsOf(root.provenance().fields());
        assertThat(store().findAll(List.of(root.id(), reply.id(), pingback.id())).values())
                .containsExactly(root, reply, pingback);
        assertThat(store().roots(thread("post-1"), ALL_STATUSES, PageRequest.first(Order.OLDEST_FIRST, 10)).items())
                .containsExactly(root, pingback);
        assertThat(store().replies(List.of(root.id()), Set.of(Status.PENDING))).containsExactly(reply);
        assertThat(store().queue(Set.of(Status.PENDING), PageRequest.first(Order.NEWEST_FIRST, 10)).items())
                .containsExactly(reply);
        assertThat(store().scan(PageRequest.first(Order.OLDEST_FIRST, 10)).items())
                .containsExactly(root, reply, pingback);
        assertThat(store().findLinkback(thread("post-1"), "https://other.example/post")).contains(pingback);
    }

    @Test
    @DisplayName("raw values keep every character exactly in every component: U+0000 to U+001F and U+007F,"
            + " quotes, backslashes, astral characters, unpaired surrogates")
    void everyCharacterRoundTripsInEveryComponent() {
        List<Comment> written = new ArrayList<>();
        for (int i = 0; i < RAW_VALUES.size(); i++) {
            String raw = RAW_VALUES.get(i);
            Provenance provenance = Provenance.builder("import", "id" + raw)
                    .threadId(raw)
                    .parentId(raw)
                    .status(raw)
                    .type(raw)
                    .date(raw)
                    .field("f" + raw, raw)
                    .field("f" + raw, raw + raw)
                    .metadata("m" + raw, raw)
                    .build();
            Comment comment = Comments.root("c" + i, "post-1", at(i)).provenance(provenance).build();
            written.add(comment);
            store().insert(comment);
        }

        for (Comment comment : written) {
            assertThat(store().find(comment.id()).orElseThrow().provenance())
                    .as("the provenance of %s", comment.id()).isEqualTo(comment.provenance());
        }
        assertThat(store().scan(PageRequest.first(Order.OLDEST_FIRST, 100)).items())
                .containsExactlyElementsOf(written);
    }

    @Test
    @DisplayName("a comment without provenance reads back with none; absent provenance components stay null,"
            + " empty ones stay empty, and no fields or metadata read back as empty lists")
    void absentAndEmptyComponentsStayApart() {
        Comment none = Comments.root("none", "post-1", at(0)).build();
        Comment bare = Comments.root("bare", "post-1", at(1)).provenance(Provenance.of("isso", "1")).build();
        Comment empty = Comments.root("empty", "post-1", at(2))
                .provenance(Provenance.builder("wordpress", "2").threadId("").parentId("").status("").type("")
                        .date("").field("comment_agent", "").metadata("_wp_trash_meta_status", "").build())
                .build();
        insert(none, bare, empty);

        assertThat(stored("none").provenance()).isNull();
        Provenance readBare = stored("bare").provenance();
        assertThat(readBare).isEqualTo(bare.provenance());
        assertThat(readBare.threadId()).isNull();
        assertThat(readBare.parentId()).isNull();
        assertThat(readBare.status()).isNull();
        assertThat(readBare.type()).isNull();
        assertThat(readBare.date()).isNull();
        assertThat(readBare.fields()).isEmpty();
        assertThat(readBare.metadata()).isEmpty();
        Provenance readEmpty = stored("empty").provenance();
        assertThat(readEmpty).isEqualTo(empty.provenance());
        assertThat(readEmpty.threadId()).isEmpty();
        assertThat(readEmpty.type()).isEmpty();
        assertThat(readEmpty.field("comment_agent")).isEmpty();
        assertThat(readEmpty.metadata().get(0).value()).isEmpty();
    }

    @Test
    @DisplayName("update may add a provenance, change it and remove it; any other update keeps it")
    void updateAddsChangesAndRemovesProvenance() {
        store().insert(Comments.root("c1", "post-1", at(0)).build());

        Comment added = store().update(stored("c1").toBuilder().provenance(imported("7", "0")).build());
        assertThat(stored("c1")).isEqualTo(added);
        Provenance reordered = Provenance.builder("wordpress", "7").parentId("3").status("trash")
                .metadata("b", "2").metadata("a", "1").metadata("b", "3").build();
        Comment changed = store().update(stored("c1").toBuilder().provenance(reordered).build());
        assertThat(stored("c1")).isEqualTo(changed);
        assertThat(stored("c1").provenance().metadata()).containsExactlyElementsOf(reordered.metadata());
        Comment moderated = store().update(stored("c1").toBuilder().status(Status.SPAM).build());
        assertThat(stored("c1").provenance()).isEqualTo(reordered);
        Comment removed = store().update(moderated.toBuilder().provenance(null).build());

        assertThat(stored("c1")).isEqualTo(removed);
        assertThat(stored("c1").provenance()).isNull();
        assertThat(removed.version()).isEqualTo(4);
    }

    @Test
    @DisplayName("a provenance at its limits reads back exactly (ASCII): every component at its longest,"
            + " MAX_ENTRIES entries, MAX_TOTAL_LENGTH characters")
    void provenanceAtItsLimitsRoundTrips() {
        assertLimitsRoundTrip("ascii", Fill.ASCII);
    }

    @Test
    @DisplayName("a provenance at its limits reads back exactly when written in surrogate pairs")
    void provenanceAtItsLimitsInSurrogatePairsRoundTrips() {
        assertLimitsRoundTrip("astral", Fill.SURROGATE_PAIRS);
    }

    @Test
    @DisplayName("a provenance at its limits reads back exactly when written in control characters, the most an"
            + " encoding has to escape")
    void provenanceAtItsLimitsInControlCharactersRoundTrips() {
        assertLimitsRoundTrip("control", Fill.CONTROL);
    }

    /**
     * A WordPress comment as an importer keeps it: every component set, fields with a repeated name, metadata
     * out of key order with a repeated key and an empty value, and one entry per {@link #RAW_VALUES} value.
     */
    static Provenance imported(String sourceId, String parentId) {
        Provenance.Builder builder = Provenance.builder("wordpress", sourceId)
                .threadId("https://blog.example/?p=17")
                .parentId(parentId)
                .status("1")
                .type("")
                .date("2009-05-17 23:04:33")
                .field("comment_author_IP", "192.0.2.7")
                .field("comment_agent", "")
                .field("comment_date_gmt", "2009-05-17 21:04:33")
                .field("comment_author_IP", "198.51.100.9")
                .metadata("zeta", "written first")
                .metadata("akismet_history", "a:2:{s:4:\"time\";d:1242594273.4;s:5:\"event\";s:9:\"check-ham\";}")
                .metadata("alpha", "")
                .metadata("akismet_history", "the second value of a repeated key");
        for (int i = 0; i < RAW_VALUES.size(); i++) {
            builder.field("raw." + i, RAW_VALUES.get(i)).metadata(RAW_VALUES.get(i) + "#" + i, RAW_VALUES.get(i));
        }
        return builder.build();
    }

    private void assertLimitsRoundTrip(String id, Fill fill) {
        Provenance provenance = atLimits(fill);
        assertThat(totalLength(provenance)).as("the fixture's length").isEqualTo(Provenance.MAX_TOTAL_LENGTH);
        Comment written = Comments.root(id, "post-1", at(0)).provenance(provenance).build();
        store().insert(written);

        Provenance read = store().find(CommentId.of(id)).orElseThrow().provenance();
        assertThat(read).isNotNull();
        assertThat(read.fields()).hasSize(provenance.fields().size());
        assertThat(read.metadata()).hasSize(provenance.metadata().size());
        assertThat(read.sourceId()).isEqualTo(provenance.sourceId());
        assertThat(read.threadId()).isEqualTo(provenance.threadId());
        assertThat(read.fields()).isEqualTo(provenance.fields());
        assertThat(read.metadata()).isEqualTo(provenance.metadata());
        assertThat(read).isEqualTo(provenance);
        assertThat(stored(id)).isEqualTo(written);
    }

    /**
     * A provenance with every string at its longest and {@link Provenance#MAX_ENTRIES} entries, half fields and
     * half metadata, whose values share what is left of {@link Provenance#MAX_TOTAL_LENGTH} exactly.
     */
    static Provenance atLimits(Fill fill) {
        String system = "wordpress.multisite_import-2026.0".substring(0, Provenance.MAX_SYSTEM_LENGTH);
        Provenance.Builder builder = Provenance.builder(system, fill.text(Provenance.MAX_ID_LENGTH, 1))
                .threadId(fill.text(Provenance.MAX_THREAD_ID_LENGTH, 2))
                .parentId(fill.text(Provenance.MAX_ID_LENGTH, 3))
                .status(fill.text(Provenance.MAX_RAW_LENGTH, 4))
                .type(fill.text(Provenance.MAX_RAW_LENGTH, 5))
                .date(fill.text(Provenance.MAX_RAW_LENGTH, 6));
        long fixed = Provenance.MAX_SYSTEM_LENGTH + 2L * Provenance.MAX_ID_LENGTH + Provenance.MAX_THREAD_ID_LENGTH
                + 3L * Provenance.MAX_RAW_LENGTH;
        int entries = Provenance.MAX_ENTRIES;
        long forValues = Provenance.MAX_TOTAL_LENGTH - fixed - (long) entries * Provenance.Field.MAX_NAME_LENGTH;
        int each = (int) (forValues / entries);
        int longer = (int) (forValues % entries);
        for (int i = 0; i < entries; i++) {
            String name = fill.text(Provenance.Field.MAX_NAME_LENGTH, 100 + i);
            String value = fill.text(each + (i < longer ? 1 : 0), 10_000 + i);
            if (i % 2 == 0) {
                builder.field(name, value);
            } else {
                builder.metadata(name, value);
            }
        }
        return builder.build();
    }

    private static long totalLength(Provenance p) {
        long total = p.system().length() + p.sourceId().length() + p.threadId().length() + p.parentId().length()
                + p.status().length() + p.type().length() + p.date().length();
        for (List<Provenance.Field> entries : List.of(p.fields(), p.metadata())) {
            for (Provenance.Field entry : entries) {
                total += entry.name().length() + entry.value().length();
            }
        }
        return total;
    }

    private static String controlCharacters() {
        StringBuilder text = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            text.append(c);
        }
        return text.append('\u007F').toString();
    }

    /** The characters a provenance at its limits is written in. */
    enum Fill {
        /** Printable ASCII, quotes and backslashes among them. */
        ASCII,
        /** Characters of the supplementary planes, completed by one ASCII character for an odd length. */
        SURROGATE_PAIRS,
        /** C0 control characters and DEL, U+0000 among them. */
        CONTROL;

        /** A string of exactly {@code length} UTF-16 units that does not repeat, different for each seed. */
        String text(int length, int seed) {
            StringBuilder text = new StringBuilder(length);
            long state = seed * 0x9E3779B97F4A7C15L + length;
            while (text.length() < length) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                int next = (int) ((state >>> 33) & 0x7fff_ffff);
                switch (this) {
                    case ASCII -> text.append((char) (' ' + next % 95));
                    case SURROGATE_PAIRS -> {
                        if (text.length() + 2 <= length) {
                            text.appendCodePoint(next % 2 == 0 ? 0x1F300 + next % 0x300 : 0x20000 + next % 0xA6D0);
                        } else {
                            text.append('x');
                        }
                    }
                    case CONTROL -> text.append(CONTROL_CHARACTERS.charAt(next % CONTROL_CHARACTERS.length()));
                }
            }
            return text.toString();
        }
    }
}
