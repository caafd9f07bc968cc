package dev.parley.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test files' generator writes what it says it writes, the same bytes for the same seed. */
class WxrGeneratorTest {

    private static final String WP = "http://wordpress.org/export/1.2/";

    @TempDir
    Path dir;

    @Test
    void sameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        WxrGenerator.Builder builder = WxrGenerator.builder().comments(3_000).posts(40);

        assertThat(bytes(builder.seed(7).build())).isEqualTo(bytes(builder.seed(7).build()))
                .isNotEqualTo(bytes(builder.seed(8).build()));
    }

    @Test
    void fileHoldsExactlyWhatItsCountsSay() throws IOException, XMLStreamException {
        Path file = dir.resolve("export.xml");
        WxrGenerator.Counts counts = WxrGenerator.builder().comments(20_000).posts(150).seed(3).build().write(file);

        Parsed parsed = parse(file);

        assertThat(parsed.comments).isEqualTo(20_000);
        assertThat(parsed.postsWithComments).isEqualTo(150);
        assertThat(parsed.items).isEqualTo(150 + 150 / 25);
        assertThat(counts.attachments()).isEqualTo(6);
        assertThat(parsed.statuses).containsExactlyInAnyOrderEntriesOf(Map.of("1", counts.approved(),
                "0", counts.pending(), "spam", counts.spam(), "trash", counts.trash()));
        assertThat(counts.approved() + counts.pending() + counts.spam() + counts.trash()).isEqualTo(20_000);
        assertThat(parsed.types.get("pingback")).isEqualTo(counts.pingbacks());
        assertThat(parsed.types.get("trackback")).isEqualTo(counts.trackbacks());
        assertThat(parsed.replies).isEqualTo(counts.replies());
        assertThat(parsed.repliesBeforeParent).isEqualTo(counts.repliesBeforeParent());
        assertThat(parsed.danglingParents).isZero();
        assertThat(parsed.zeroGmt).isEqualTo(counts.missingGmtDates());
        assertThat(parsed.withMeta).isEqualTo(counts.withMetadata());
        assertThat(counts.bytes()).isEqualTo(Files.size(file));
    }

    @Test
    void fileLooksLikeARealExport() throws IOException {
        WxrGenerator.Counts counts = WxrGenerator.builder().comments(100_000).posts(1_000).seed(1).build()
                .write(dir.resolve("export.xml"));

        // Shares of the whole, within a few tenths of a percent of what the generator draws.
        assertThat(counts.replies() / 100_000.0).isBetween(0.28, 0.31);
        assertThat(counts.repliesBeforeParent() / (double) counts.replies()).isBetween(0.07, 0.10);
        assertThat(counts.pingbacks() / 100_000.0).isBetween(0.006, 0.010);
        assertThat(counts.trackbacks() / 100_000.0).isBetween(0.0015, 0.003);
        assertThat(counts.spam() / 100_000.0).isBetween(0.065, 0.075);
        assertThat(counts.missingGmtDates()).isBetween(150L, 250L);
        assertThat(counts.largestPost()).isGreaterThan(1_000);
        assertThat(counts.deepestReply()).isGreaterThan(3);
        assertThat(counts.bytes() / 100_000).as("bytes per comment").isBetween(700L, 1_300L);
    }

    @Test
    void gzipFileReadsBackAsThePlainOne() throws IOException {
        WxrGenerator generator = WxrGenerator.builder().comments(2_000).posts(20).seed(5).build();
        generator.write(dir.resolve("export.xml.gz"));

        try (InputStream in = ImportSource.of(dir.resolve("export.xml.gz")).open()) {
            assertThat(ImportSource.of(dir.resolve("export.xml.gz")).isGzip()).isTrue();
            assertThat(in.readAllBytes()).isEqualTo(bytes(generator));
        }
    }

    private static byte[] bytes(WxrGenerator generator) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        generator.write(out);
        return out.toByteArray();
    }

    /** Counts a file's comments with a plain StAX reading, checking every parent id against its post. */
    private static Parsed parse(Path file) throws IOException, XMLStreamException {
        Parsed parsed = new Parsed();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            Set<String> seen = new HashSet<>();
            Set<String> parentsNamed = new HashSet<>();
            Map<String, String> comment = new HashMap<>();
            int commentsInItem = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("item")) {
                        parsed.items++;
                        seen.clear();
                        parentsNamed.clear();
                        commentsInItem = 0;
                    } else if (name.equals("comment") && WP.equals(xml.getNamespaceURI())) {
                        comment.clear();
                    } else if (name.startsWith("comment_") && WP.equals(xml.getNamespaceURI())) {
                        comment.put(name, xml.getElementText());
                    } else if (name.equals("commentmeta")) {
                        comment.put("meta", "yes");
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("comment") && WP.equals(xml.getNamespaceURI())) {
                        parsed.comments++;
                        commentsInItem++;
                        String id = comment.get("comment_id");
                        String parent = comment.get("comment_parent");
                        parsed.statuses.merge(comment.get("comment_approved"), 1L, Long::sum);
                        parsed.types.merge(comment.get("comment_type"), 1L, Long::sum);
                        if (comment.get("comment_date_gmt").equals("0000-00-00 00:00:00")) {
                            parsed.zeroGmt++;
                        }
                        if (comment.containsKey("meta")) {
                            parsed.withMeta++;
                        }
                        if (!parent.equals("0")) {
                            parsed.replies++;
                            parentsNamed.add(parent);
                            if (!seen.contains(parent)) {
                                parsed.repliesBeforeParent++;
                            }
                        }
                        seen.add(id);
                    } else if (name.equals("item")) {
                        if (commentsInItem > 0) {
                            parsed.postsWithComments++;
                        }
                        parentsNamed.removeAll(seen);
                        parsed.danglingParents += parentsNamed.size();
                    }
                }
            }
        }
        return parsed;
    }

    private static final class Parsed {
        long comments;
        long items;
        long postsWithComments;
        long replies;
        long repliesBeforeParent;
        long danglingParents;
        long zeroGmt;
        long withMeta;
        final Map<String, Long> statuses = new HashMap<>();
        final Map<String, Long> types = new HashMap<>();
    }
}
