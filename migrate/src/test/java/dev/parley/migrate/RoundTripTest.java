package dev.parley.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.migrate.backup.BackupReader;
import dev.parley.migrate.backup.BackupWriter;
import dev.parley.migrate.backup.RestoreReport;
import dev.parley.migrate.wxr.WxrReader;
import dev.parley.migrate.wxr.WxrWriter;
import dev.parley.storage.CommentStore;
import dev.parley.storage.memory.InMemoryCommentStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trips: WXR -> Parley -> JSON backup -> Parley -> WXR keeps every comment field of
 * WordPress's export, and JSON backup -> Parley -> JSON backup is byte-identical.
 */
class RoundTripTest {

    private static final String WP = "http://wordpress.org/export/1.2/";
    /** The fields of a {@code wp:comment} (import-formats.md, section 1.3), commentmeta aside. */
    private static final List<String> FIELDS = List.of("comment_id", "comment_author", "comment_author_email",
            "comment_author_url", "comment_author_IP", "comment_date", "comment_date_gmt", "comment_content",
            "comment_approved", "comment_type", "comment_parent", "comment_user_id");

    @TempDir
    Path dir;

    private Path fixture() throws URISyntaxException {
        return Path.of(RoundTripTest.class.getResource("/dev/parley/migrate/roundtrip/site.xml").toURI());
    }

    private static byte[] backup(CommentStore store) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BackupWriter.builder().build().write(store, out, ImportProgress.Listener.NONE);
        return out.toByteArray();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void wxrThroughParleyAndABackupBackToWxrKeepsEveryCommentField() throws Exception {
        InMemoryCommentStore imported = new InMemoryCommentStore();
        ImportReport report = Importer.builder().store(imported).build()
                .run(new WxrReader(), ImportSource.of(fixture()));
        assertThat(report.read()).isEqualTo(12);
        byte[] backup = backup(imported);

        InMemoryCommentStore restored = new InMemoryCommentStore();
        RestoreReport restore = BackupReader.builder().build()
                .restore(ImportSource.of(file("backup.jsonl", backup)), restored, ImportProgress.Listener.NONE);
        assertThat(restore.inserted()).isEqualTo(12);
        ByteArrayOutputStream wxr = new ByteArrayOutputStream();
        WxrWriter.builder().siteUrl("https://old.example.com").build()
                .write(restored, wxr, ImportProgress.Listener.NONE);

        Map<String, Map<String, Object>> original;
        try (InputStream in = Files.newInputStream(fixture())) {
            original = comments(in);
        }
        Map<String, Map<String, Object>> exported = comments(new ByteArrayInputStream(wxr.toByteArray()));
        assertThat(exported.keySet()).containsExactlyInAnyOrderElementsOf(original.keySet());
        for (String key : original.keySet()) {
            assertThat(exported.get(key)).as("comment %s", key).isEqualTo(original.get(key));
        }
    }

    @Test
    void aBackupRestoredAndBackedUpAgainIsByteIdentical() throws Exception {
        InMemoryCommentStore imported = new InMemoryCommentStore();
        Importer.builder().store(imported).build().run(new WxrReader(), ImportSource.of(fixture()));
        byte[] first = backup(imported);

        InMemoryCommentStore restored = new InMemoryCommentStore();
        BackupReader.builder().build()
                .restore(ImportSource.of(file("first.jsonl", first)), restored, ImportProgress.Listener.NONE);
        byte[] second = backup(restored);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() throws Exception {
        InMemoryCommentStore store = new InMemoryCommentStore();
        Importer importer = Importer.builder().store(store).build();
        importer.run(new WxrReader(), ImportSource.of(fixture()));
        byte[] before = backup(store);

        ImportReport again = importer.run(new WxrReader(), ImportSource.of(fixture()));

        assertThat(again.unchanged()).isEqualTo(12);
        assertThat(again.inserted() + again.updated() + again.replaced()).isZero();
        assertThat(backup(store)).isEqualTo(before);
    }

    /** Every comment of a WXR file by post id and comment id, with its section 1.3 fields and its meta. */
    static Map<String, Map<String, Object>> comments(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        Map<String, Map<String, Object>> comments = new TreeMap<>();
        String postId = null;
        Map<String, Object> comment = null;
        List<List<String>> meta = null;
        String metaKey = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && WP.equals(xml.getNamespaceURI())) {
                String name = xml.getLocalName();
                switch (name) {
                    case "post_id" -> postId = xml.getElementText().strip();
                    case "comment" -> {
                        comment = new LinkedHashMap<>();
                        meta = new ArrayList<>();
                    }
                    case "meta_key" -> metaKey = xml.getElementText().strip();
                    case "meta_value" -> {
                        if (meta != null) {
                            meta.add(List.of(metaKey, xml.getElementText()));
                        }
                    }
                    default -> {
                        if (comment != null && FIELDS.contains(name)) {
                            String text = xml.getElementText();
                            comment.put(name, name.equals("comment_content") ? text : text.strip());
                        }
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && WP.equals(xml.getNamespaceURI())
                    && xml.getLocalName().equals("comment") && comment != null) {
                comment.put("commentmeta", meta);
                comments.put(postId + "/" + comment.get("comment_id"), comment);
                comment = null;
                meta = null;
            }
        }
        return comments;
    }
}
