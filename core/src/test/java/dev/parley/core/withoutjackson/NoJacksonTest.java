package dev.parley.core.withoutjackson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.CommentService;
import dev.parley.storage.CommentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Jackson is an optional dependency of parley-core: a host that never serves JSON leaves it out. These tests
 * hold that promise for every class outside {@code dev.parley.core.json}.
 */
class NoJacksonTest {

    private static final List<String> JACKSON_PACKAGES = List.of("tools/jackson/", "com/fasterxml/jackson/");

    @Test
    @DisplayName("the engine posts, moderates and reads on a module path without Jackson")
    void engineRunsOnModulePathWithoutJackson() throws Exception {
        String modulePath = String.join(java.io.File.pathSeparator,
                location(CommentService.class).toString(),
                location(CommentStore.class).toString(),
                location(org.jsoup.Jsoup.class).toString(),
                location(org.slf4j.LoggerFactory.class).toString());
        assertThat(modulePath).doesNotContain("jackson");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = Files.createTempFile("no-jackson", ".txt");
        try {
            Process process = new ProcessBuilder(java.toString(),
                    "--module-path", modulePath,
                    "--add-modules", "dev.parley.core",
                    "-cp", location(EngineWithoutJackson.class).toString(),
                    EngineWithoutJackson.class.getName())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith("SLF4J"))
                    .toList();
            assertThat(lines).containsExactly(
                    "jackson absent",
                    "posted c1 PENDING",
                    "approved APPROVED",
                    "replied c2 APPROVED",
                    "spam SPAM",
                    "page c1 <p>Hello *world*</p> replies 0",
                    "view hello-world <p>Hello *world*</p>",
                    "write needs tools/jackson/databind/json/JsonMapper");
            assertThat(process.exitValue()).isZero();
        } finally {
            Files.delete(output);
        }
    }

    @Test
    @DisplayName("no class outside dev.parley.core.json refers to a Jackson type")
    void onlyTheJsonPackageRefersToJackson() throws IOException, URISyntaxException {
        Path classes = location(CommentService.class);
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (name.startsWith("dev/parley/core/json/") || name.equals("module-info.class")) {
                    continue;
                }
                // Class files name the types they use in UTF-8 constant-pool entries.
                String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (JACKSON_PACKAGES.stream().anyMatch(constants::contains)) {
                    offenders.add(name);
                }
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(classes.resolve("dev/parley/core/CommentService.class")).exists();
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
