package dev.parley.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.Comment;
import dev.parley.storage.CommentStore;
import dev.parley.storage.tck.Comments;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java snippets, as written: each is compiled against this module and its test class path, and
 * the embedded ones (SQLite, H2) are run, with their file path moved to a temporary directory, and must give a
 * working store. The PostgreSQL and MariaDB ones name a host that does not exist here, so they are compiled only.
 */
@DisplayName("The README's snippets compile, and the embedded ones give a working store")
class ReadmeSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final String README_PATH = "/var/lib/blog/";

    private static List<String> snippets() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> found = new ArrayList<>();
        Matcher matcher = JAVA_BLOCK.matcher(readme);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    @DisplayName("every Java snippet compiles, and the SQLite and H2 ones open a store that keeps a comment")
    void snippetsCompileAndEmbeddedOnesRun(@TempDir Path dir) throws Exception {
        List<String> snippets = snippets();
        assertThat(snippets).as("the README's usage snippets").hasSizeGreaterThanOrEqualTo(4);
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path data = Files.createDirectories(dir.resolve("data"));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            String body = snippets.get(i).replace(README_PATH, data.toAbsolutePath() + "/");
            Path file = sources.resolve("Snippet" + i + ".java");
            Files.writeString(file, "import com.zaxxer.hikari.HikariConfig;\n"
                    + "import com.zaxxer.hikari.HikariDataSource;\n"
                    + "import dev.parley.storage.CommentStore;\n"
                    + "import dev.parley.store.jdbc.JdbcCommentStore;\n"
                    + "public class Snippet" + i + " {\n"
                    + "    public static CommentStore run(String secret) {\n"
                    + body
                    + "        return store;\n"
                    + "    }\n"
                    + "}\n");
            files.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path") + java.io.File.pathSeparator + Path.of("target", "classes")));
        arguments.addAll(files);
        int status = compiler.run(null, errors, errors, arguments.toArray(String[]::new));
        assertThat(status).as("the snippets compile:%n%s", errors.toString(java.nio.charset.StandardCharsets.UTF_8))
                .isZero();

        int ran = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeSnippetsTest.class.getClassLoader())) {
            for (int i = 0; i < snippets.size(); i++) {
                String snippet = snippets.get(i);
                if (!snippet.contains("jdbc:sqlite:") && !snippet.contains("jdbc:h2:")) {
                    continue;
                }
                Method run = loader.loadClass("Snippet" + i).getMethod("run", String.class);
                CommentStore store = (CommentStore) run.invoke(null, "unused");
                Comment comment = Comments.root("readme-" + i, "readme", Comments.at(i)).build();
                store.insert(comment);
                assertThat(store.find(comment.id())).as("snippet %d's store", i).contains(comment);
                ran++;
            }
        }
        assertThat(ran).as("the embedded snippets run").isEqualTo(2);
    }
}
