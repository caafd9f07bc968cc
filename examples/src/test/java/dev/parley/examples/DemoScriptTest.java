package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/demo.sh} builds only when something it reads changed. The script runs for real, with bash, in
 * a copy of the repository's layout; {@code mvn} and {@code java} are stand-ins on the PATH that record how they
 * were called (a real build takes minutes and a real demo does not return), and the stand-in build leaves a jar
 * and a lib directory as Maven's does. File times are set explicitly, never waited for.
 */
@DisplayName("scripts/demo.sh")
class DemoScriptTest {

    private static final FileTime SOURCES_SAVED = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
    private static final FileTime LAST_BUILD = FileTime.from(Instant.parse("2026-01-02T00:00:00Z"));
    private static final FileTime AFTER_LAST_BUILD = FileTime.from(Instant.parse("2026-01-02T01:00:00Z"));

    @TempDir
    Path repo;

    @BeforeEach
    void layOutRepository() throws IOException {
        Files.createDirectories(repo.resolve("scripts"));
        Files.copy(Path.of("..", "scripts", "demo.sh"), repo.resolve("scripts/demo.sh"));
        write("pom.xml", "<project/>");
        write("core/pom.xml", "<project/>");
        write("core/src/main/java/A.java", "class A {}");
        write("core/src/test/java/ATest.java", "class ATest {}");
        write("examples/pom.xml", "<project/>");
        write("examples/src/main/resources/logback.xml", "<configuration/>");
        // Directories too: adding or deleting a source changes its directory's time, which counts as a change.
        try (Stream<Path> saved = Files.walk(repo)) {
            for (Path path : saved.toList()) {
                Files.setLastModifiedTime(path, SOURCES_SAVED);
            }
        }
        executable("bin/mvn", """
                #!/usr/bin/env bash
                echo "MAVEN_OPTS=$MAVEN_OPTS $*" >> "$CALLS/mvn"
                mkdir -p examples/target/lib
                touch examples/target/parley-examples-0.1.0-SNAPSHOT.jar examples/target/lib/dependency.jar
                """);
        executable("bin/java", """
                #!/usr/bin/env bash
                echo "$*" >> "$CALLS/java"
                """);
    }

    private void write(String file, String text) throws IOException {
        Path path = repo.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    private void executable(String file, String text) throws IOException {
        write(file, text);
        Files.setPosixFilePermissions(repo.resolve(file), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the script from outside the repository, as a user may; returns its output. */
    private String run(Map<String, String> environment) throws Exception {
        Path calls = Files.createDirectories(repo.resolve("calls"));
        Path output = repo.resolve("calls/output");
        ProcessBuilder builder = new ProcessBuilder("bash", repo.resolve("scripts/demo.sh").toString(),
                "-Dparley.port=9090", "--seed")
                .directory(repo.resolve("bin").toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("PARLEY_DEMO_REBUILD");
        builder.environment().remove("MAVEN_OPTS");
        builder.environment().put("PATH", repo.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("CALLS", calls.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    private List<String> calls(String tool) throws IOException {
        Path file = repo.resolve("calls").resolve(tool);
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    private void lastBuildWasLongAgo() throws IOException {
        Files.setLastModifiedTime(repo.resolve("examples/target/.demo-build-stamp"), LAST_BUILD);
    }

    @Test
    @DisplayName("the first start builds with plain, colourless Maven output, then starts the demo")
    void firstStartBuilds() throws Exception {
        String output = run(Map.of());

        assertThat(calls("mvn")).containsExactly("MAVEN_OPTS=-Djansi.noreset=true  -B -ntp -q -Dstyle.color=never"
                + " -pl examples -am package"
                + " -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true");
        assertThat(calls("java")).containsExactly("-Dparley.port=9090 -cp"
                + " examples/target/parley-examples-0.1.0-SNAPSHOT.jar:examples/target/lib/*"
                + " dev.parley.examples.Main --seed");
        assertThat(output).contains("==> building the demo").doesNotContain("\u001b");
    }

    @Test
    @DisplayName("a second start with nothing changed skips the build")
    void unchangedStartSkipsTheBuild() throws Exception {
        run(Map.of());
        lastBuildWasLongAgo();

        String output = run(Map.of());

        assertThat(calls("mvn")).hasSize(1);
        assertThat(calls("java")).hasSize(2);
        assertThat(output).contains("==> the demo is up to date");
    }

    @Test
    @DisplayName("a main source, a resource or a pom saved after the last build makes the next start build")
    void changedSourcesRebuild() throws Exception {
        run(Map.of());
        int builds = 1;
        for (String changed : List.of("core/src/main/java/A.java", "examples/src/main/resources/logback.xml",
                "pom.xml", "examples/pom.xml")) {
            lastBuildWasLongAgo();
            Files.setLastModifiedTime(repo.resolve(changed), AFTER_LAST_BUILD);

            run(Map.of());

            assertThat(calls("mvn")).as(changed).hasSize(++builds);
            Files.setLastModifiedTime(repo.resolve(changed), SOURCES_SAVED);
        }
    }

    @Test
    @DisplayName("a main source deleted after the last build makes the next start build")
    void deletedSourceRebuilds() throws Exception {
        write("core/src/main/java/B.java", "class B {}");
        run(Map.of());
        lastBuildWasLongAgo();
        Files.delete(repo.resolve("core/src/main/java/B.java"));
        Files.setLastModifiedTime(repo.resolve("core/src/main/java"), AFTER_LAST_BUILD);

        run(Map.of());

        assertThat(calls("mvn")).hasSize(2);
    }

    @Test
    @DisplayName("a test source saved after the last build does not")
    void changedTestsDoNotRebuild() throws Exception {
        run(Map.of());
        lastBuildWasLongAgo();
        Files.setLastModifiedTime(repo.resolve("core/src/test/java/ATest.java"), AFTER_LAST_BUILD);

        run(Map.of());

        assertThat(calls("mvn")).hasSize(1);
    }

    @Test
    @DisplayName("a missing jar or lib, or PARLEY_DEMO_REBUILD=1, makes the next start build")
    void missingOutputOrRequestRebuilds() throws Exception {
        run(Map.of());
        lastBuildWasLongAgo();
        Files.delete(repo.resolve("examples/target/parley-examples-0.1.0-SNAPSHOT.jar"));
        run(Map.of());
        assertThat(calls("mvn")).hasSize(2);

        lastBuildWasLongAgo();
        Files.delete(repo.resolve("examples/target/lib/dependency.jar"));
        Files.delete(repo.resolve("examples/target/lib"));
        run(Map.of());
        assertThat(calls("mvn")).hasSize(3);

        lastBuildWasLongAgo();
        run(Map.of("PARLEY_DEMO_REBUILD", "1"));
        assertThat(calls("mvn")).hasSize(4);
    }
}
