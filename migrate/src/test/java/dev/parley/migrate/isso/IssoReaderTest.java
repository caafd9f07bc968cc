package dev.parley.migrate.isso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.migrate.ContentFormat;
import dev.parley.migrate.IdScope;
import dev.parley.migrate.ImportFormatException;
import dev.parley.migrate.ImportSource;
import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.RecordingHandler;
import dev.parley.migrate.SourceComment;
import dev.parley.migrate.SourceThread;
import dev.parley.storage.Kind;
import dev.parley.storage.Provenance;
import dev.parley.storage.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssoReaderTest {

    /** Isso's own statements (isso/db/*.py), so the reader meets the schema Isso writes. */
    static final String[] ISSO_SCHEMA = {
        "CREATE TABLE IF NOT EXISTS preferences (key VARCHAR PRIMARY KEY, value VARCHAR)",
        "CREATE TABLE IF NOT EXISTS threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256))",
        "CREATE TABLE IF NOT EXISTS comments ("
                + "    tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,"
                + "    created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,"
                + "    text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR,"
                + "    likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,"
                + "    notification INTEGER NOT NULL DEFAULT 0)",
        "CREATE TRIGGER IF NOT EXISTS remove_stale_threads AFTER DELETE ON comments BEGIN"
                + "    DELETE FROM threads WHERE id NOT IN (SELECT tid FROM comments); END"
    };

    static final String COLUMNS = "(tid, id, parent, created, modified, mode, remote_addr, text, author, email, "
            + "website, likes, dislikes, voters, notification)";

    /** The comments of the database most tests read, one case each. */
    static final String[] ROWS = {
        "INSERT INTO threads VALUES (1, '/2016/hello/', 'Hello, World'), (2, '/about/', NULL), (3, NULL, 'Lost uri')",
        // 1: accepted, every author field, likes, a voters bloom filter, fractional seconds.
        "INSERT INTO comments " + COLUMNS + " VALUES (1, 1, NULL, 1459934286.291534, NULL, 1, '192.168.1.0',"
                + " 'Hello *world*', 'Alice', 'alice@example.org', 'https://alice.example', 3, 1, X'00FF10', 1)",
        // 2: pending reply without author fields, edited.
        "INSERT INTO comments " + COLUMNS + " VALUES (1, 2, 1, 1459934300.5, 1459934400.25, 2, '10.0.0.0',"
                + " 'Pending reply', NULL, NULL, NULL, 0, 0, X'', 0)",
        // 3: soft-deleted reply to 2, as Isso leaves one that has replies: text emptied, e-mail kept.
        "INSERT INTO comments " + COLUMNS + " VALUES (1, 3, 2, 1459934500, NULL, 4, '10.0.0.0',"
                + " '', NULL, 'kept@example.org', NULL, 0, 0, X'01', 0)",
        // 4: a mode Isso never writes, in another thread than its parent, empty e-mail and web site.
        "INSERT INTO comments " + COLUMNS + " VALUES (2, 4, 1, 1459934600.000001, NULL, 3, '127.0.0.0',"
                + " 'About', 'Bob', '', '', 0, 0, X'02', 0)",
        // 5: a thread that is gone.
        "INSERT INTO comments " + COLUMNS + " VALUES (99, 5, NULL, 1459934700.1, NULL, 1, NULL,"
                + " 'Orphaned page', 'Ghost', NULL, NULL, 0, 0, X'03', 0)",
        // 6: a thread without uri.
        "INSERT INTO comments " + COLUMNS + " VALUES (3, 6, NULL, 1459934800.999999, NULL, 1, NULL,"
                + " 'No uri', 'Nobody', NULL, NULL, 0, 0, X'04', 0)",
        // 7: astral characters and newlines.
        "INSERT INTO comments " + COLUMNS + " VALUES (1, 7, 1, 1459934900, NULL, 1, NULL,"
                + " 'Line one \uD83D\uDE00' || char(10) || char(10) || 'Line \uD834\uDD1E two', 'Zo\u00eb \uD83D\uDE00',"
                + " NULL, NULL, 0, 0, X'05', 0)",
        // 8: no mode, and a creation time that is no number.
        "INSERT INTO comments " + COLUMNS + " VALUES (2, 8, NULL, 'yesterday', NULL, NULL, NULL,"
                + " 'When?', 'Carol', NULL, NULL, 0, 0, X'06', 0)",
    };

    private final IssoReader reader = new IssoReader();

    @TempDir
    Path dir;

    private Path database;

    static void execute(Path path, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @BeforeEach
    void createDatabase() throws SQLException {
        database = dir.resolve("comments.db");
        execute(database, ISSO_SCHEMA);
        execute(database, ROWS);
    }

    private RecordingHandler read() {
        return RecordingHandler.read(reader, ImportSource.of(database));
    }

    private static Provenance.Field field(String name, String value) {
        return new Provenance.Field(name, value);
    }

    @Test
    void namesItsSystemAndDatabaseWideIds() {
        assertThat(reader.system()).isEqualTo("isso");
        assertThat(reader.idScope()).isEqualTo(IdScope.SOURCE);
    }

    @Test
    void threadsComeFirstByIdTheirUriTheirIdAndLink() {
        RecordingHandler read = read();

        assertThat(read.threads).containsExactly(
                new SourceThread("/2016/hello/", "/2016/hello/", null, "Hello, World"),
                new SourceThread("/about/", "/about/", null, null),
                new SourceThread("tid:3", null, null, "Lost uri"));
        assertThat(read.events.subList(0, 3)).isEqualTo(read.threads);
        assertThat(read.commentIds()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(read.warnings).isEmpty();
    }

    @Test
    void acceptedCommentMapsEveryColumn() {
        SourceComment c = read().comment("1");

        assertThat(c.threadId()).isEqualTo("/2016/hello/");
        assertThat(c.parentId()).isNull();
        assertThat(c.status()).isEqualTo(Status.APPROVED);
        assertThat(c.kind()).isEqualTo(Kind.COMMENT);
        assertThat(c.authorName()).isEqualTo("Alice");
        assertThat(c.authorEmail()).isEqualTo("alice@example.org");
        assertThat(c.authorUrl()).isEqualTo("https://alice.example");
        assertThat(c.authorIp()).isEqualTo("192.168.1.0");
        assertThat(c.authorUserAgent()).isNull();
        assertThat(c.content()).isEqualTo("Hello *world*");
        assertThat(c.format()).isEqualTo(ContentFormat.MARKDOWN);
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2016-04-06T09:18:06.291534Z"));
        assertThat(c.updatedAt()).isNull();
        assertThat(c.warnings()).isEmpty();
        Provenance p = c.provenance();
        assertThat(p.system()).isEqualTo("isso");
        assertThat(p.sourceId()).isEqualTo("1");
        assertThat(p.threadId()).isEqualTo("/2016/hello/");
        assertThat(p.parentId()).isNull();
        assertThat(p.status()).isEqualTo("1");
        assertThat(p.type()).isNull();
        assertThat(p.date()).isEqualTo("1459934286.291534");
        assertThat(p.fields()).containsExactly(field("tid", "1"), field("likes", "3"), field("dislikes", "1"),
                field("voters", "AP8Q"), field("notification", "1"));
        assertThat(p.metadata()).isEmpty();
    }

    @Test
    void pendingReplyWithoutAuthorFieldsKeepsItsParentAndEditTime() {
        SourceComment c = read().comment("2");

        assertThat(c.status()).isEqualTo(Status.PENDING);
        assertThat(c.provenance().status()).isEqualTo("2");
        assertThat(c.parentId()).isEqualTo("1");
        assertThat(c.provenance().parentId()).isEqualTo("1");
        assertThat(c.authorName()).isEmpty();
        assertThat(c.authorEmail()).isNull();
        assertThat(c.authorUrl()).isNull();
        assertThat(c.authorIp()).isEqualTo("10.0.0.0");
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2016-04-06T09:18:20.500Z"));
        assertThat(c.updatedAt()).isEqualTo(Instant.parse("2016-04-06T09:20:00.250Z"));
        assertThat(c.provenance().date()).isEqualTo("1459934300.5");
        assertThat(c.provenance().fields()).containsExactly(field("tid", "1"), field("modified", "1459934400.25"),
                field("likes", "0"), field("dislikes", "0"), field("voters", ""), field("notification", "0"));
    }

    @Test
    void softDeletedCommentIsDeletedAndItsParentChainStaysRaw() {
        SourceComment c = read().comment("3");

        assertThat(c.status()).isEqualTo(Status.DELETED);
        assertThat(c.provenance().status()).isEqualTo("4");
        assertThat(c.parentId()).isEqualTo("2");
        assertThat(c.content()).isEmpty();
        assertThat(c.authorName()).isEmpty();
        assertThat(c.authorEmail()).isEqualTo("kept@example.org");
        // A whole number of seconds in a FLOAT column is a REAL: SQLite writes it with ".0".
        assertThat(c.provenance().date()).isEqualTo("1459934500.0");
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2016-04-06T09:21:40Z"));
        assertThat(c.provenance().field("voters")).isEqualTo("AQ==");
    }

    @Test
    void unknownModeIsPendingWithAWarningAndAParentInAnotherThreadIsPassedRaw() {
        SourceComment c = read().comment("4");

        assertThat(c.threadId()).isEqualTo("/about/");
        assertThat(c.parentId()).isEqualTo("1");
        assertThat(c.status()).isEqualTo(Status.PENDING);
        assertThat(c.provenance().status()).isEqualTo("3");
        assertThat(c.warnings()).containsExactly(new ImportWarning(ImportWarning.Code.UNKNOWN_STATUS, "/about/", "4",
                "mode 3 is not one of Isso's (1 accepted, 2 pending, 4 deleted): imported as pending; the raw value "
                        + "is kept"));
        assertThat(c.authorName()).isEqualTo("Bob");
        assertThat(c.authorEmail()).isNull();
        assertThat(c.authorUrl()).isNull();
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2016-04-06T09:23:20.000001Z"));
        assertThat(c.provenance().date()).isEqualTo("1459934600.000001");
    }

    @Test
    void commentWhoseThreadIsGoneOrHasNoUriIsReadUnderItsTid() {
        RecordingHandler read = read();

        SourceComment gone = read.comment("5");
        assertThat(gone.threadId()).isEqualTo("tid:99");
        assertThat(gone.provenance().threadId()).isEqualTo("tid:99");
        assertThat(gone.provenance().field("tid")).isEqualTo("99");
        assertThat(gone.authorIp()).isNull();
        assertThat(gone.warnings()).isEmpty();
        assertThat(gone.createdAt()).isEqualTo(Instant.parse("2016-04-06T09:25:00.100Z"));
        SourceComment noUri = read.comment("6");
        assertThat(noUri.threadId()).isEqualTo("tid:3");
        assertThat(noUri.createdAt()).isEqualTo(Instant.parse("2016-04-06T09:26:40.999999Z"));
        assertThat(read.threads).extracting(SourceThread::id).doesNotContain("tid:99");
    }

    @Test
    void astralCharactersAndNewlinesAreKept() {
        SourceComment c = read().comment("7");

        assertThat(c.content()).isEqualTo("Line one \uD83D\uDE00\n\nLine \uD834\uDD1E two");
        assertThat(c.authorName()).isEqualTo("Zo\u00eb \uD83D\uDE00");
    }

    @Test
    void missingModeAndATimeThatIsNoNumberFallBackWithWarnings() {
        SourceComment c = read().comment("8");

        assertThat(c.status()).isEqualTo(Status.PENDING);
        assertThat(c.provenance().status()).isNull();
        assertThat(c.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(c.provenance().date()).isEqualTo("yesterday");
        assertThat(c.warnings()).extracting(ImportWarning::code, ImportWarning::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ImportWarning.Code.UNKNOWN_STATUS, "no mode is not one of Isso's "
                        + "(1 accepted, 2 pending, 4 deleted): imported as pending; the raw value is kept"),
                org.assertj.core.groups.Tuple.tuple(ImportWarning.Code.DATE_FALLBACK, "created \"yesterday\" is not "
                        + "a time in seconds: 1970-01-01T00:00:00Z is used; the raw value is kept"));
    }

    @Test
    void readingTwiceHandsOverTheSameRecordsAndLeavesTheFileAsItWas() throws IOException {
        byte[] before = Files.readAllBytes(database);

        RecordingHandler first = read();
        RecordingHandler second = read();

        assertThat(second.events).isEqualTo(first.events);
        assertThat(Files.readAllBytes(database)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("comments.db");
        }
    }

    @Test
    void olderDatabaseWithoutNotificationAndWithAColumnIssoLacksKeepsThatColumnRaw() throws SQLException {
        Path old = dir.resolve("old.db");
        execute(old,
                "CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256))",
                "CREATE TABLE comments (tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,"
                        + " created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR, text VARCHAR,"
                        + " author VARCHAR, email VARCHAR, website VARCHAR, likes INTEGER DEFAULT 0,"
                        + " dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL, \"Spam Score\" REAL, extra BLOB)",
                "INSERT INTO threads VALUES (1, '/p/', 'P')",
                "INSERT INTO comments VALUES (1, 10, NULL, 1300000000.25, NULL, 1, NULL, 'Old', 'Ann', NULL, NULL,"
                        + " 0, 0, X'00', 0.75, X'FFFE')");

        SourceComment c = RecordingHandler.read(reader, ImportSource.of(old)).comment("10");

        assertThat(c.provenance().fields()).containsExactly(field("tid", "1"), field("likes", "0"),
                field("dislikes", "0"), field("voters", "AA=="), field("Spam Score", "0.75"), field("extra", "//4="));
        assertThat(c.createdAt()).isEqualTo(Instant.parse("2011-03-13T07:06:40.250Z"));
    }

    @Test
    void rowWithANullIdIsSkippedNamingItsPlaceAndTheRowsAfterItAreRead() throws SQLException {
        Path loose = dir.resolve("loose.db");
        execute(loose,
                "CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256))",
                "CREATE TABLE comments (tid REFERENCES threads(id), id INTEGER, parent INTEGER, created FLOAT,"
                        + " modified FLOAT, mode INTEGER, remote_addr VARCHAR, text VARCHAR, author VARCHAR,"
                        + " email VARCHAR, website VARCHAR, likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0,"
                        + " voters BLOB NOT NULL)",
                "INSERT INTO threads VALUES (1, '/p/', 'P')",
                "INSERT INTO comments VALUES (1, NULL, NULL, 1500000000.5, NULL, 1, '', 'hi', 'a', '', '', 0, 0,"
                        + " X'00')",
                "INSERT INTO comments VALUES (1, 2, NULL, NULL, NULL, 1, '', 'no time', 'b', '', '', 0, 0, X'00')");

        RecordingHandler read = RecordingHandler.read(reader, ImportSource.of(loose));

        assertThat(read.warnings).containsExactly(new ImportWarning(ImportWarning.Code.RECORD_SKIPPED, null, null,
                "row 1 of comments (in id order) cannot be kept, skipped: its id is NULL"));
        SourceComment c = read.comment("2");
        assertThat(read.comments).containsExactly(c);
        assertThat(c.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(c.provenance().date()).isNull();
        assertThat(c.warnings()).containsExactly(new ImportWarning(ImportWarning.Code.DATE_FALLBACK, "/p/", "2",
                "no created time: 1970-01-01T00:00:00Z is used"));
    }

    @Test
    void rawModeAndCreatedTooLongForAProvenanceAreKeptAsFields() throws SQLException {
        String mode = "m".repeat(Provenance.MAX_RAW_LENGTH + 1);
        String created = "soon".repeat(70);
        execute(database, "INSERT INTO comments " + COLUMNS + " VALUES (1, 9, NULL, '" + created + "', NULL, '"
                + mode + "', NULL, 'Long', 'Dan', NULL, NULL, 0, 0, X'00', 0)");

        RecordingHandler read = read();

        SourceComment c = read.comment("9");
        assertThat(c.provenance().status()).isNull();
        assertThat(c.provenance().date()).isNull();
        assertThat(c.provenance().fields()).containsExactly(field("tid", "1"), field("likes", "0"),
                field("dislikes", "0"), field("voters", "AA=="), field("notification", "0"), field("mode", mode),
                field("created", created));
        assertThat(c.status()).isEqualTo(Status.PENDING);
        assertThat(c.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(c.warnings()).extracting(ImportWarning::code)
                .containsExactly(ImportWarning.Code.UNKNOWN_STATUS, ImportWarning.Code.DATE_FALLBACK);
        assertThat(read.warnings).isEmpty();
    }

    @Test
    void fileThatIsNotADatabaseIsRefused() throws IOException {
        Path text = dir.resolve("comments.txt");
        Files.writeString(text, "id,author,text\n1,Alice,Hello\n");

        assertThatThrownBy(() -> RecordingHandler.read(reader, ImportSource.of(text)))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("not a SQLite database: the file does not start with \"SQLite format 3\"");
    }

    @Test
    void gzipCompressedDatabaseIsRefusedWithAHint() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(Files.readAllBytes(database));
        }
        Path compressed = dir.resolve("comments.db.gz");
        Files.write(compressed, bytes.toByteArray());

        assertThatThrownBy(() -> RecordingHandler.read(reader, ImportSource.of(compressed)))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("not a SQLite database: the file is gzip-compressed; decompress it first");
    }

    @Test
    void damagedDatabaseIsRefused() throws IOException {
        Path damaged = dir.resolve("damaged.db");
        byte[] bytes = new byte[4096];
        Arrays.fill(bytes, (byte) 0x5a);
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        Files.write(damaged, bytes);

        assertThatThrownBy(() -> RecordingHandler.read(reader, ImportSource.of(damaged)))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageStartingWith("not a SQLite database, or a damaged one: ");
    }

    @Test
    void databaseWithoutIssoTablesIsRefused() throws SQLException, IOException {
        Path other = dir.resolve("other.db");
        execute(other, ISSO_SCHEMA[0], "INSERT INTO preferences VALUES ('session-key', 'abc')");
        Path empty = Files.createFile(dir.resolve("empty.db"));

        assertThatThrownBy(() -> RecordingHandler.read(reader, ImportSource.of(other)))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("not an Isso database: it has no table threads and no table comments");
        assertThatThrownBy(() -> RecordingHandler.read(reader, ImportSource.of(empty)))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("not an Isso database: it has no table threads and no table comments");
    }

    @Test
    void databaseLackingIssoColumnsIsRefusedNamingThem() throws SQLException {
        Path partial = dir.resolve("partial.db");
        execute(partial, "CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE)",
                "CREATE TABLE comments (tid INTEGER, id INTEGER PRIMARY KEY, parent INTEGER, created FLOAT,"
                        + " modified FLOAT, mode INTEGER, remote_addr VARCHAR, text VARCHAR, author VARCHAR,"
                        + " email VARCHAR, website VARCHAR, likes INTEGER, dislikes INTEGER)");

        assertThatThrownBy(() -> RecordingHandler.read(reader, ImportSource.of(partial)))
                .isInstanceOf(ImportFormatException.class)
                .hasMessage("not an Isso database: it lacks the column(s) threads.title, comments.voters");
    }

    @Test
    void secondsAreReadFromTheirDecimalTextToTheMicrosecondHalfEven() {
        assertThat(IssoComment.epochSeconds("1459934286.291534"))
                .isEqualTo(Instant.parse("2016-04-06T09:18:06.291534Z"));
        assertThat(IssoComment.epochSeconds("1459934286.2915345"))
                .isEqualTo(Instant.parse("2016-04-06T09:18:06.291534Z"));
        assertThat(IssoComment.epochSeconds("1459934286.2915355"))
                .isEqualTo(Instant.parse("2016-04-06T09:18:06.291536Z"));
        assertThat(IssoComment.epochSeconds("1459934286.29153451"))
                .isEqualTo(Instant.parse("2016-04-06T09:18:06.291535Z"));
        assertThat(IssoComment.epochSeconds("-1.5")).isEqualTo(Instant.parse("1969-12-31T23:59:58.500Z"));
        assertThat(IssoComment.epochSeconds("1.0e+3")).isEqualTo(Instant.parse("1970-01-01T00:16:40Z"));
        assertThat(IssoComment.epochSeconds(" 0 ")).isEqualTo(Instant.EPOCH);
        assertThat(IssoComment.epochSeconds("Inf")).isNull();
        assertThat(IssoComment.epochSeconds("1e999999999")).isNull();
        assertThat(IssoComment.epochSeconds("1.0e+300")).isNull();
    }
}
