package dev.parley.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Comment;
import dev.parley.storage.ThreadKey;
import dev.parley.store.jdbc.JdbcCommentStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Runs the real executable jar ({@code parley-migrate-<version>-cli.jar}, built by the shade plugin at
 * {@code package}) as a child process, as a user would: its JDBC drivers and Flyway's migrations must be found
 * inside it. Failsafe runs it at {@code verify} and names the jar in {@code parley.migrate.cliJar}.
 */
class MigrateJarIT {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final String README_JAR = "migrate/target/parley-migrate-*-cli.jar";

    private static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void findTheJar() {
        String name = System.getProperty("parley.migrate.cliJar");
        assertThat(name).as("failsafe names the shaded jar in parley.migrate.cliJar: run mvn verify").isNotNull();
        jar = Path.of(name);
        assertThat(jar).as("the shade plugin builds it at package").isRegularFile();
    }

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs {@code java -jar} on the shaded jar in the repository's root, as the README's commands are. */
    private Run java(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(args);
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process process = new ProcessBuilder(command).directory(REPOSITORY.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar did not end within 5 minutes: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Run java(String... args) throws IOException, InterruptedException {
        return java(List.of(args));
    }

    private static JdbcDataSource h2(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    private static int appliedMigrations(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM \""
                        + JdbcCommentStore.SCHEMA_HISTORY_TABLE + "\" WHERE \"success\" AND \"type\" = 'SQL'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void importsIntoAnH2FileWithTheMigrationsAndDriverInsideTheJar() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("parley");

        Run run = java("import", "--format", "wxr", "migrate/examples/old-blog.wordpress.xml", "--db", url,
                "--map-file", "migrate/examples/old-blog-threads.csv");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Read 8 comments in 2 threads: 8 inserted, 0 updated, 0 replaced,"
                + " 0 unchanged.\n");
        // No console: plain progress lines, and the logging binding inside the jar keeps SLF4J quiet.
        assertThat(run.err()).contains("writing: done, ").doesNotContain("\r").doesNotContain("\u001b")
                .doesNotContain("SLF4J");
        try (Connection connection = h2(url).getConnection()) {
            // Counted before the test's own store opens the database: the jar ran the schema migrations.
            assertThat(appliedMigrations(connection)).isPositive();
            assertThat(Cli.all(JdbcCommentStore.create(h2(url))))
                    .extracting(Comment::thread).containsOnly(ImportCommandTest.HELLO, ImportCommandTest.NOTES);
        }
    }

    @Test
    void anH2FileAnotherProcessHoldsOpenFailsWithAHint() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("parley");
        try (Connection demo = h2(url).getConnection()) {
            Run run = java("import", "--format", "wxr", "migrate/examples/old-blog.wordpress.xml", "--db", url);

            assertThat(run.exit()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).startsWith("parley-migrate import: cannot open the database " + url + ": ")
                    .contains("Another process has this H2 file open, most likely the demo: stop it while the"
                            + " command runs, or open the file with ;AUTO_SERVER=TRUE in both URLs")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void withAutoServerTheCommandWritesThroughTheProcessHoldingTheFile() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("parley") + ";AUTO_SERVER=TRUE";
        try (Connection demo = h2(url).getConnection()) {
            Run run = java("import", "--format", "wxr", "migrate/examples/old-blog.wordpress.xml", "--db", url);

            assertThat(run.exit()).as(run.toString()).isZero();
            assertThat(Cli.all(JdbcCommentStore.create(h2(url)))).hasSize(8);
        }
    }

    @Test
    void aUsageErrorExitsWithTwo() throws Exception {
        Run run = java("import", "--format", "wxr");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required");
    }

    @Test
    void theVersionComesFromTheJarsManifest() throws Exception {
        Run run = java("--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).matches("parley-migrate \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    }

    /**
     * The module README's commands, as written, against databases of this test: every {@code java -jar} line
     * of its {@code sh} blocks runs with its {@code --db} pointed at a temporary database of the same kind and
     * its {@code -o} at a temporary file (which a later command reading that file then reads), in the
     * repository's root.
     */
    @Test
    void theReadmesCommandsRunAsWritten() throws Exception {
        List<List<String>> commands = ReadmeCommands.read(REPOSITORY.resolve("migrate/README.md"), README_JAR);
        assertThat(commands).as("the README shows java -jar commands").isNotEmpty();
        Map<String, String> databases = new LinkedHashMap<>();
        Map<String, String> outputs = new LinkedHashMap<>();

        for (List<String> command : commands) {
            List<String> args = new ArrayList<>();
            for (int i = 0; i < command.size(); i++) {
                String arg = command.get(i);
                if (arg.equals("--db")) {
                    args.add(arg);
                    args.add(databases.computeIfAbsent(command.get(++i), this::temporaryDatabase));
                } else if (arg.equals("-o")) {
                    args.add(arg);
                    String file = command.get(++i);
                    args.add(outputs.computeIfAbsent(file, f -> dir.resolve(Path.of(f).getFileName()).toString()));
                } else {
                    // A file an earlier command wrote, read by a later one (restore reads the backup).
                    args.add(outputs.getOrDefault(arg, arg));
                }
            }
            Run run = java(args);
            assertThat(run.exit()).as(String.join(" ", command) + "\n" + run).isZero();
        }

        assertThat(databases).as("the README imports into the demo's SQLite file").containsKey(
                "jdbc:sqlite:./data/parley-demo.db");
        for (String url : databases.values()) {
            List<Comment> comments = Cli.all(open(url));
            assertThat(comments).extracting(Comment::thread).as(url)
                    .contains(ImportCommandTest.HELLO, ImportCommandTest.NOTES);
        }
        String demoPosts = Files.readString(REPOSITORY.resolve(
                "examples/src/main/java/dev/parley/examples/DemoContent.java"), StandardCharsets.UTF_8);
        for (ThreadKey slug : List.of(ImportCommandTest.HELLO, ImportCommandTest.NOTES)) {
            assertThat(demoPosts).as("the demo has a post with the slug the README maps to")
                    .contains("\"" + slug.value() + "\"");
        }
    }

    private String temporaryDatabase(String readmeUrl) {
        String name = "readme-" + Integer.toHexString(readmeUrl.hashCode());
        if (readmeUrl.startsWith("jdbc:sqlite:")) {
            return "jdbc:sqlite:" + dir.resolve(name + ".db");
        }
        int settings = readmeUrl.indexOf(';');
        return "jdbc:h2:file:" + dir.resolve(name) + (settings < 0 ? "" : readmeUrl.substring(settings));
    }

    private static JdbcCommentStore open(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            SQLiteDataSource sqlite = new SQLiteDataSource();
            sqlite.setUrl(Database.withSqliteDefaults(url));
            return JdbcCommentStore.create(sqlite);
        }
        return JdbcCommentStore.create(h2(url));
    }
}
