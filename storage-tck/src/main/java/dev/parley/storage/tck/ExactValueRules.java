package dev.parley.storage.tck;

import static dev.parley.storage.tck.Comments.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Author;
import dev.parley.storage.Comment;
import dev.parley.storage.CommentId;
import dev.parley.storage.CommentStore;
import dev.parley.storage.Cursor;
import dev.parley.storage.Kind;
import dev.parley.storage.Linkback;
import dev.parley.storage.Order;
import dev.parley.storage.PageRequest;
import dev.parley.storage.Status;
import dev.parley.storage.StatusCounts;
import dev.parley.storage.ThreadKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Values read back exactly as written: Unicode, every maximum length, timestamps to the microsecond. */
abstract class ExactValueRules extends StoreRules {

    /** Emoji with skin tone, a ZWJ family, a flag, a character outside the BMP, zero-width and BOM characters. */
    static final String EMOJI = "\uD83D\uDC4D\uD83C\uDFFD \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D"
            + "\uD83D\uDC66 \uD83C\uDDFA\uD83C\uDDE6 \uD834\uDD1E \u200B\uFEFF";
    /** Arabic and Hebrew with a direction mark, mixed with Latin and digits. */
    static final String RTL = "\u0645\u0631\u062D\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645 "
            + "\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD\u200F 123 abc";
    /** Combining marks (decomposed e-acute, stacked marks), Devanagari, Hangul jamo, CJK. */
    static final String COMBINING = "e\u0301 Z\u0324\u0354\u0367\u0311\u0313 \u0928\u092E\u0938\u094D\u0924\u0947"
            + " \u1100\u1161 \u6F22\u5B57";
    static final String ALL_SCRIPTS = EMOJI + " " + RTL + " " + COMBINING;

    ExactValueRules(Supplier<CommentStore> stores) {
        super(stores);
    }

    @Test
    @DisplayName("emoji, ZWJ sequences, right-to-left scripts and combining marks read back exactly in every"
            + " text component")
    void unicodeRoundTripsEverywhere() {
        Comment written = Comments.root("u1", "post-" + ALL_SCRIPTS, at(0))
                .author(new Author(ALL_SCRIPTS, "\u00FC\u00F1\u00EE@example.org", "https://example.org/\u00E4\u00F6",
                        "\u7528\u6237-" + EMOJI.substring(0, 4), null, "UA " + RTL))
                .text(ALL_SCRIPTS + "\n" + ALL_SCRIPTS)
                .html("<p dir=\"rtl\">" + RTL + "</p><p>" + EMOJI + COMBINING + "</p>")
                .moderationReason("held: " + COMBINING)
                .attributes(Map.of("emoji", EMOJI, "rtl", RTL, "combining", COMBINING))
                .build();
        Comment linkback = Comments.linkback("u2", "post-" + ALL_SCRIPTS, Kind.WEBMENTION,
                "https://\u4F8B\u3048.jp/\u30D1\u30B9?q=" + RTL.substring(0, 5), at(1))
                .linkback(new Linkback("https://\u4F8B\u3048.jp/\u30D1\u30B9?q=" + RTL.substring(0, 5), ALL_SCRIPTS))
                .build();
        insert(written, linkback);

        assertThat(stored("u1")).isEqualTo(written);
        assertThat(stored("u1").author().name()).isEqualTo(ALL_SCRIPTS);
        assertThat(stored("u1").attributes()).isEqualTo(written.attributes());
        assertThat(stored("u2")).isEqualTo(linkback);
        assertThat(stored("u2").linkback().title()).isEqualTo(ALL_SCRIPTS);
    }

    @Test
    @DisplayName("a thread key in any script selects its roots, counts and linkbacks exactly")
    void unicodeThreadKeysWork() {
        ThreadKey key = ThreadKey.of("/\u0645\u0642\u0627\u0644/" + EMOJI.substring(0, 10) + "/e\u0301");
        Comment root = Comments.root("r", key, at(0)).build();
        Comment linkback = Comments.linkback("lb", key.value(), Kind.PINGBACK, "https://a.example/", at(1)).build();
        insert(root, linkback, Comments.root("nfc", "/\u0645\u0642\u0627\u0644/" + EMOJI.substring(0, 10) + "/\u00E9",
                at(2)).build());

        assertThat(store().roots(key, ALL_STATUSES, PageRequest.first(Order.OLDEST_FIRST, 10)).items())
                .containsExactly(root, linkback);
        assertThat(store().counts(key)).isEqualTo(new StatusCounts(0, 2, 0, 0));
        assertThat(store().findLinkback(key, "https://a.example/")).contains(linkback);
        assertThat(stored("r").thread()).isEqualTo(key);
    }

    @Test
    @DisplayName("text is never normalised: composed and decomposed forms read back as written and stay distinct")
    void textIsNotNormalised() {
        Comment composed = Comments.root("nfc", "post-1", at(0)).text("caf\u00E9").author(Author.named("Ren\u00E9"))
                .build();
        Comment decomposed = Comments.root("nfd", "post-1", at(1)).text("cafe\u0301")
                .author(Author.named("Rene\u0301")).build();
        Comment sourceNfc = Comments.linkback("l1", "post-1", Kind.PINGBACK, "https://a.example/caf\u00E9", at(2))
                .build();
        Comment sourceNfd = Comments.linkback("l2", "post-1", Kind.PINGBACK, "https://a.example/cafe\u0301", at(3))
                .build();
        insert(composed, decomposed, sourceNfc, sourceNfd);

        assertThat(stored("nfc").text()).isEqualTo("caf\u00E9").hasSize(4);
        assertThat(stored("nfd").text()).isEqualTo("cafe\u0301").hasSize(5);
        assertThat(stored("nfd").author().name()).isEqualTo("Rene\u0301");
        assertThat(store().findLinkback(thread("post-1"), "https://a.example/caf\u00E9")).contains(sourceNfc);
        assertThat(store().findLinkback(thread("post-1"), "https://a.example/cafe\u0301")).contains(sourceNfd);
    }

    @Test
    @DisplayName("every component at its maximum length reads back exactly (ASCII)")
    void maximumLengthsRoundTrip() {
        assertMaximumLengthsRoundTrip("m1", 'x');
    }

    @Test
    @DisplayName("every component at its maximum length reads back exactly when written in 3-byte UTF-8 characters")
    void maximumLengthsOfThreeByteCharactersRoundTrip() {
        assertMaximumLengthsRoundTrip("m2", '\u6F22');
    }

    @Test
    @DisplayName("every component at its maximum length reads back exactly when written in surrogate pairs")
    void maximumLengthsOfSurrogatePairsRoundTrip() {
        assertMaximumLengthsRoundTrip("m3", '\uD83D');
    }

    @Test
    @DisplayName("timestamps read back to the microsecond, and comments one microsecond apart keep their order")
    void microsecondsRoundTrip() {
        Instant created = Instant.parse("2026-03-29T01:30:00.123456Z");
        Comment first = Comments.root("first", "post-1", created).updatedAt(created.plusNanos(1_000)).build();
        Comment second = Comments.root("second", "post-1", created.plusNanos(1_000)).build();
        Comment third = Comments.root("third", "post-1", created.plusNanos(2_000))
                .updatedAt(Instant.parse("2026-10-25T01:30:00.999999Z")).build();
        insert(third, second, first);

        assertThat(stored("first")).isEqualTo(first);
        assertThat(stored("first").createdAt()).isEqualTo(created);
        assertThat(stored("first").updatedAt()).isEqualTo(created.plusNanos(1_000));
        assertThat(stored("third").updatedAt()).isEqualTo(Instant.parse("2026-10-25T01:30:00.999999Z"));
        assertThat(ids(store().scan(PageRequest.first(Order.OLDEST_FIRST, 10))))
                .containsExactly("first", "second", "third");
        assertThat(ids(store().roots(thread("post-1"), APPROVED,
                PageRequest.first(Order.OLDEST_FIRST, 10).next(new Cursor(created, id("zzzz"))))))
                .containsExactly("second", "third");
    }

    @Test
    @DisplayName("the earliest and latest storable instants, and instants across history, read back exactly and"
            + " order correctly")
    void extremeInstantsRoundTrip() {
        List<Instant> instants = List.of(Comment.EARLIEST,
                Instant.parse("1582-10-10T12:00:00.000001Z"), // in the gap of the Julian-Gregorian switch
                Instant.parse("1883-11-18T12:00:00Z"), // before standard time zones
                Instant.parse("1969-12-31T23:59:59.999999Z"), // one microsecond before the epoch
                Instant.EPOCH,
                Instant.parse("2038-01-19T03:14:08Z"), // past 32-bit seconds
                Comment.LATEST);
        List<Comment> written = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            Instant instant = instants.get(i);
            written.add(Comments.root("t" + i, "post-1", instant).updatedAt(Comment.LATEST).build());
        }
        for (int i = written.size() - 1; i >= 0; i--) {
            store().insert(written.get(i));
        }

        for (Comment comment : written) {
            assertThat(stored(comment.id().value())).isEqualTo(comment);
        }
        for (Order order : Order.values()) {
            assertThat(readAll(r -> store().roots(thread("post-1"), APPROVED, r), order, 2, written.size()))
                    .as("%s", order).containsExactlyElementsOf(sorted(written, order));
            assertThat(readAll(store()::scan, order, 1, written.size()))
                    .as("scan %s", order).containsExactlyElementsOf(sorted(written, order));
        }
        Cursor beforeEpoch = Cursor.parse(Cursor.after(written.get(3)).token());
        assertThat(ids(store().scan(PageRequest.first(Order.NEWEST_FIRST, 10).next(beforeEpoch))))
                .containsExactly("t2", "t1", "t0");
    }

    /**
     * Writes a comment (and a linkback reply) with every component at its maximum length, filled with
     * {@code fill}; a high surrogate fills with whole surrogate pairs (and one ASCII character for odd limits).
     */
    private void assertMaximumLengthsRoundTrip(String prefix, char fill) {
        ThreadKey thread = ThreadKey.of(filled(ThreadKey.MAX_LENGTH, fill));
        StringBuilder idText = new StringBuilder(prefix);
        while (idText.length() < CommentId.MAX_LENGTH) {
            idText.append("_-Az09".charAt(idText.length() % 6));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < Comment.MAX_ATTRIBUTES; i++) {
            String key = String.format("%02d", i) + ".".repeat(Comment.MAX_ATTRIBUTE_KEY_LENGTH - 2);
            attributes.put(key, filled(Comment.MAX_ATTRIBUTE_VALUE_LENGTH, fill));
        }
        Comment root = Comments.root(idText.toString(), thread, at(0))
                .author(new Author(filled(Author.MAX_NAME_LENGTH, fill), filled(Author.MAX_EMAIL_LENGTH, fill),
                        filled(Author.MAX_URL_LENGTH, fill), filled(Author.MAX_USER_ID_LENGTH, fill),
                        filled(Author.MAX_IP_LENGTH, fill), filled(Author.MAX_USER_AGENT_LENGTH, fill)))
                .text(filled(Comment.MAX_TEXT_LENGTH, fill))
                .html(filled(Comment.MAX_HTML_LENGTH, fill))
                .moderationReason(filled(Comment.MAX_REASON_LENGTH, fill))
                .attributes(attributes)
                .build();
        String source = filled(Linkback.MAX_SOURCE_URL_LENGTH, fill);
        Comment linkback = Comments.reply(prefix + "-lb", root, at(1))
                .kind(Kind.TRACKBACK)
                .linkback(new Linkback(source, filled(Linkback.MAX_TITLE_LENGTH, fill)))
                .depth(Comment.MAX_DEPTH)
                .status(Status.PENDING)
                .build();
        insert(root, linkback);

        Comment read = store().find(root.id()).orElseThrow();
        assertThat(read.text()).isEqualTo(root.text());
        assertThat(read.html()).isEqualTo(root.html());
        assertThat(read.author()).isEqualTo(root.author());
        assertThat(read.attributes()).isEqualTo(root.attributes());
        assertThat(read).isEqualTo(root);
        assertThat(store().find(linkback.id())).contains(linkback);
        assertThat(store().findLinkback(thread, source)).contains(linkback);
        assertThat(store().counts(thread)).isEqualTo(new StatusCounts(1, 1, 0, 0));
    }

    /**
     * A string of exactly {@code length} UTF-16 units that does not repeat, so no store can pass by compressing
     * it: printable ASCII for an ASCII {@code fill}, CJK ideographs for a BMP one, and characters of the
     * supplementary planes (emoji, CJK extension B) for a high surrogate, completed by one ASCII character when
     * {@code length} is odd.
     */
    static String filled(int length, char fill) {
        StringBuilder text = new StringBuilder(length);
        long state = length * 31L + fill;
        while (text.length() < length) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            int next = (int) ((state >>> 33) & 0x7fff_ffff);
            if (fill < 0x80) {
                text.append((char) ('!' + next % 94));
            } else if (!Character.isHighSurrogate(fill)) {
                text.append((char) (0x4E00 + next % 0x5200));
            } else if (text.length() + 2 <= length) {
                text.appendCodePoint(next % 2 == 0 ? 0x1F300 + next % 0x300 : 0x20000 + next % 0xA6D0);
            } else {
                text.append('x');
            }
        }
        return text.toString();
    }
}
