package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.CommentStore;
import dev.parley.storage.tck.CommentStoreContract;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Builds the Maven project the root README gives a host for its store (the pom, the store and its kit test, as
 * they stand in the README) with this machine's Maven, offline: Parley's artifacts are the ones this build
 * just made, laid out in a private local repository, and everything else comes from the build's own local
 * repository, so the README's plugin versions must be ones this build uses. A second test class, not from the
 * README, breaks the store's delete, so the run also shows how a broken rule reads in the console.
 */
@DisplayName("The README's project for a host's store")
class ReadmeStoreProjectTest {

    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)\\n```", Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile("^(?:public )?(?:final )?class (\\w+)", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final String IDEMPOTENT_RULE =
            "delete returns true when it removed the comment, then false: it is idempotent";

    private static final String FORGETFUL_TEST = """
            package com.example.comments;

            import dev.parley.storage.CommentStore;
            import dev.parley.storage.tck.CommentStoreContract;
            import java.lang.reflect.InvocationTargetException;
            import java.lang.reflect.Proxy;

            /** The README's store, but every delete claims to have removed something. */
            class ForgetfulStoreTest extends CommentStoreContract {

                @Override
                protected CommentStore createStore() {
                    CommentStore store = new MyCommentStore();
                    return (CommentStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {CommentStore.class}, (proxy, method, arguments) -> {
                                try {
                                    Object result = method.invoke(store, arguments);
                                    return method.getName().equals("delete") ? Boolean.TRUE : result;
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    @DisplayName("builds offline on Maven, runs every kit rule against the README's store, and names broken rules")
    void buildsAndRunsTheKit() throws Exception {
        Path root = repositoryRoot();
        Section readme = Section.of(Files.readString(root.resolve("README.md")), "### Implementing your own store");
        Path project = work.resolve("my-comment-store");
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), readme.single("xml"));
        List<String> java = readme.all("java");
        assertThat(java).as("the README's store and its test").hasSize(2);
        for (String source : java) {
            writeSource(project, source);
        }
        writeSource(project, FORGETFUL_TEST);
        Path repository = privateRepository(root);
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <localRepository>%s</localRepository>
                  <mirrors>
                    <mirror>
                      <id>this-build</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(repository, buildRepository().toUri()));

        Path log = work.resolve("maven.log");
        Process maven = new ProcessBuilder(mavenCommand(), "-B", "-ntp", "-o", "-Daether.offline.protocols=file",
                "-s", settings.toString(), "test")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(maven.waitFor(15, TimeUnit.MINUTES)).as("Maven finished within 15 minutes").isTrue();
        String output = Files.readString(log);

        Path reports = project.resolve("target/surefire-reports");
        assertThat(reports.resolve("TEST-com.example.comments.MyCommentStoreTest.xml"))
                .as("the README's test ran; Maven said:%n%s", tail(output)).exists();
        Report readmeStore = Report.read(reports.resolve("TEST-com.example.comments.MyCommentStoreTest.xml"));
        Report forgetful = Report.read(reports.resolve("TEST-com.example.comments.ForgetfulStoreTest.xml"));
        assertThat(readmeStore.tests()).as("kit tests run against the README's store").isPositive();
        assertThat(readmeStore.failed()).as("kit tests the README's store fails").isEmpty();
        assertThat(forgetful.tests()).isEqualTo(readmeStore.tests());
        assertThat(forgetful.failed()).containsEntry(IDEMPOTENT_RULE, "delete")
                .containsEntry("delete of an id never stored returns false and changes nothing", "delete");
        assertThat(maven.exitValue()).as("the broken store fails the build").isNotZero();
        assertThat(output)
                .contains("Running MyCommentStore meets the CommentStore contract")
                .contains("Running delete")
                .contains("rule broken: delete: " + IDEMPOTENT_RULE);
    }

    @Test
    @DisplayName("pins the plugin versions and the Surefire reporters of this build")
    void pinsThisBuildsPlugins() throws Exception {
        Path root = repositoryRoot();
        Section readme = Section.of(Files.readString(root.resolve("README.md")), "### Implementing your own store");
        Element hostBuild = child(parse(readme.single("xml")).getDocumentElement(), "build");
        Element ownBuild = child(child(parse(Files.readString(root.resolve("pom.xml"))).getDocumentElement(),
                "build"), "pluginManagement");
        Map<String, Element> own = plugins(ownBuild);
        Map<String, Element> host = plugins(hostBuild);

        assertThat(host).containsOnlyKeys("maven-resources-plugin", "maven-compiler-plugin", "maven-surefire-plugin");
        host.forEach((artifact, plugin) -> assertThat(text(plugin, "version")).as(artifact)
                .isEqualTo(text(own.get(artifact), "version")));
        Element hostSurefire = child(host.get("maven-surefire-plugin"), "configuration");
        Element ownSurefire = child(own.get("maven-surefire-plugin"), "configuration");
        for (String reporter : List.of("statelessTestsetReporter", "consoleOutputReporter",
                "statelessTestsetInfoReporter")) {
            assertThat(describe(child(hostSurefire, reporter))).as(reporter)
                    .isEqualTo(describe(child(ownSurefire, reporter)));
        }
    }

    private static Path repositoryRoot() {
        Path module = Path.of("").toAbsolutePath();
        return module.getParent();
    }

    private static String mavenCommand() {
        String home = System.getProperty("parley.maven.home");
        return home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString();
    }

    private static Path buildRepository() {
        String configured = System.getProperty("parley.maven.localRepository");
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository")
                : Path.of(configured);
    }

    private static void writeSource(Path project, String source) throws IOException {
        Matcher type = TYPE.matcher(source);
        Matcher pkg = PACKAGE.matcher(source);
        assertThat(type.find()).as("a class in%n%s", source).isTrue();
        assertThat(pkg.find()).as("a package in%n%s", source).isTrue();
        String tree = type.group(1).endsWith("Test") ? "src/test/java" : "src/main/java";
        Path file = project.resolve(tree).resolve(pkg.group(1).replace('.', '/')).resolve(type.group(1) + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
    }

    /**
     * Lays out Parley's artifacts as this build made them (jars from the class path, poms from the source
     * tree), as {@code mvn install} would, in a repository of this test's own: never the stale ones an earlier
     * install may have left in the user's repository.
     */
    private Path privateRepository(Path root) throws IOException, URISyntaxException {
        Path repository = work.resolve("repository");
        artifact(repository, "parley-parent", root.resolve("pom.xml"), null);
        artifact(repository, "parley-storage-spi", root.resolve("storage-spi/pom.xml"), jar(CommentStore.class));
        artifact(repository, "parley-storage-tck", root.resolve("storage-tck/pom.xml"),
                jar(CommentStoreContract.class));
        return repository;
    }

    private static void artifact(Path repository, String artifactId, Path pom, Path jar) throws IOException {
        Path folder = repository.resolve("dev/parley").resolve(artifactId).resolve(VERSION);
        Files.createDirectories(folder);
        Files.copy(pom, folder.resolve(artifactId + "-" + VERSION + ".pom"));
        if (jar != null) {
            Files.copy(jar, folder.resolve(artifactId + "-" + VERSION + ".jar"));
        }
    }

    /** The jar a class was loaded from; a reactor build that stops before packaging gives a folder, jarred here. */
    private Path jar(Class<?> type) throws IOException, URISyntaxException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(location)) {
            return location;
        }
        Path jar = Files.createTempFile(work, "classes", ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(location)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                zip.putNextEntry(new JarEntry(location.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static String tail(String output) {
        return output.length() <= 6_000 ? output : output.substring(output.length() - 6_000);
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">");
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }

    private static Map<String, Element> plugins(Element build) {
        Map<String, Element> plugins = new LinkedHashMap<>();
        NodeList list = child(build, "plugins").getElementsByTagName("plugin");
        for (int i = 0; i < list.getLength(); i++) {
            Element plugin = (Element) list.item(i);
            plugins.put(text(plugin, "artifactId"), plugin);
        }
        return plugins;
    }

    /** A reporter's implementation and settings, whatever the layout. */
    private static Map<String, String> describe(Element reporter) {
        Map<String, String> settings = new TreeMap<>();
        settings.put("implementation", reporter.getAttribute("implementation"));
        for (Node node = reporter.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                settings.put(element.getTagName(), element.getTextContent().trim());
            }
        }
        return settings;
    }

    /** The fenced blocks of one README section. */
    private record Section(String text) {

        static Section of(String readme, String heading) {
            int start = readme.indexOf(heading + "\n");
            assertThat(start).as("the README has the heading %s", heading).isNotNegative();
            int end = readme.indexOf("\n#", start + heading.length());
            return new Section(readme.substring(start, end < 0 ? readme.length() : end));
        }

        List<String> all(String language) {
            List<String> blocks = new ArrayList<>();
            Matcher fence = FENCE.matcher(text);
            while (fence.find()) {
                if (fence.group(1).equals(language)) {
                    blocks.add(fence.group(2) + "\n");
                }
            }
            return blocks;
        }

        String single(String language) {
            List<String> blocks = all(language);
            assertThat(blocks).as("%s blocks in the section", language).hasSize(1);
            return blocks.get(0);
        }
    }

    /** What one Surefire report says: how many tests ran, and the failed ones (name to group). */
    private record Report(int tests, Map<String, String> failed) {

        static Report read(Path file) throws Exception {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
            NodeList cases = document.getElementsByTagName("testcase");
            Map<String, String> failed = new TreeMap<>();
            for (int i = 0; i < cases.getLength(); i++) {
                Element testCase = (Element) cases.item(i);
                if (testCase.getElementsByTagName("failure").getLength() > 0
                        || testCase.getElementsByTagName("error").getLength() > 0) {
                    failed.put(testCase.getAttribute("name"), testCase.getAttribute("classname"));
                }
            }
            return new Report(cases.getLength(), failed);
        }
    }
}
