package dev.parley.pingback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Java block of the module's README compiles as written against the module's classes. */
class ReadmeSnippetsCompileTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    /** The module's exported packages: the blocks that show no imports rely on them, as a host's file would. */
    private static final List<String> IMPORTS = List.of("dev.parley.pingback.*", "dev.parley.pingback.fetch.*",
            "dev.parley.pingback.verify.*", "dev.parley.pingback.send.*", "dev.parley.pingback.xmlrpc.*",
            "dev.parley.pingback.trackback.*", "dev.parley.pingback.webmention.*");

    @Test
    @DisplayName("every Java block of pingback/README.md compiles against the module")
    void everyJavaBlockCompiles(@TempDir Path out) throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<JavaFileObject> units = new ArrayList<>();
        Matcher blocks = JAVA_BLOCK.matcher(readme);
        while (blocks.find()) {
            units.add(unit("ReadmeBlock" + (units.size() + 1), blocks.group(1)));
        }
        assertThat(units).hasSize(6);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-proc:none", "-d", out.toString(),
                    "-cp", System.getProperty("java.class.path"));
            boolean compiled = compiler.getTask(null, files, diagnostics, options, null, units).call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .toList();
            assertThat(errors).isEmpty();
            assertThat(compiled).isTrue();
        }
    }

    /** Lifts the block's imports to the top and makes the rest the body of a method of a host subclass. */
    private static JavaFileObject unit(String name, String block) {
        StringBuilder imports = new StringBuilder();
        StringBuilder statements = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            if (line.startsWith("import ")) {
                imports.append(line).append('\n');
            } else {
                statements.append(line).append('\n');
            }
        }
        StringBuilder source = new StringBuilder("package readme;\n");
        IMPORTS.forEach(i -> source.append("import ").append(i).append(";\n"));
        source.append(imports)
                .append("abstract class ").append(name).append(" extends dev.parley.pingback.ReadmeSnippetHost {\n")
                .append("void snippet() throws Exception {\n")
                .append(statements)
                .append("}\n}\n");
        return new SimpleJavaFileObject(URI.create("string:///readme/" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
    }
}
