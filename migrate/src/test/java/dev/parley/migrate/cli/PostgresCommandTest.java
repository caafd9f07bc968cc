package dev.parley.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.store.jdbc.JdbcCommentStore;
import dev.parley.store.jdbc.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The command line against a real PostgreSQL server (a throwaway cluster of the JDBC store's tests). */
class PostgresCommandTest {

    private static PostgresServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static Cli.Result run(String... args) {
        Cli.Result result = new Cli().run(args);
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }

    @Test
    void importsIntoPostgresqlAndBacksUpTheSameFileAsFromH2() throws Exception {
        String postgres = server.createDatabase("parley_cli");
        String h2 = Cli.h2Url(dir, "parley");

        Cli.Result imported = run("import", "--format", "wxr", ImportCommandTest.EXAMPLE, "--db", postgres,
                "--user", PostgresServer.USER, "--map-file", ImportCommandTest.EXAMPLE_MAP);
        run("import", "--format", "wxr", ImportCommandTest.EXAMPLE, "--db", h2, "--map-file",
                ImportCommandTest.EXAMPLE_MAP);
        run("backup", "--db", postgres, "--user", PostgresServer.USER, "-o", dir.resolve("pg.jsonl").toString());
        run("backup", "--db", h2, "-o", dir.resolve("h2.jsonl").toString());

        assertThat(imported.out()).startsWith("Read 8 comments in 2 threads: 8 inserted, 0 updated, 0 replaced,"
                + " 0 unchanged.\n");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres);
        dataSource.setUser(PostgresServer.USER);
        assertThat(Cli.all(JdbcCommentStore.create(dataSource))).isEqualTo(Cli.all(Cli.h2Store(h2)));
        assertThat(Files.mismatch(dir.resolve("pg.jsonl"), dir.resolve("h2.jsonl"))).isEqualTo(-1);
    }

    @Test
    void aDatabaseTheServerDoesNotHaveExitsWithOneAndTheDriversMessage() {
        String missing = server.jdbcUrl("parley_cli_missing");

        Cli.Result result = new Cli().run("backup", "--db", missing, "--user", PostgresServer.USER, "-o",
                dir.resolve("b.jsonl").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("parley-migrate backup: cannot open the database " + missing + ": ")
                .contains("parley_cli_missing").doesNotContain("\tat ");
    }
}
