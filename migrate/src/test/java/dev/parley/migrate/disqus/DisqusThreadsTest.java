package dev.parley.migrate.disqus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.migrate.ImportWarning;
import dev.parley.migrate.SourceThread;
import org.junit.jupiter.api.Test;

class DisqusThreadsTest {

    @Test
    void threadsKeepDsqIdTrimmedLinkAndIdentifierAndTitlesDecodedOnce() {
        Recording read = Recording.read("threads.xml");

        assertThat(read.threads()).startsWith(
                new SourceThread("1", "http://localhost:4000/blog/2014/first/", null,
                        "\u201CQuoted\u201D & more"),
                new SourceThread("2", "https://example.org/shared/", "post-2",
                        "Tom &amp; Jerry &#8220;raw&#8221;"));
    }

    @Test
    void nearlyEmptyThreadsAndEmptyIdentifiersAndTitlesAreNull() {
        Recording read = Recording.read("threads.xml");

        assertThat(read.threads().subList(2, 5)).containsExactly(
                new SourceThread("3", null, null, null),
                new SourceThread("4", "https://example.org/shared/", null, null),
                new SourceThread("5", "https://example.org/shared/", null, null));
    }

    @Test
    void severalThreadsSharingOneLinkStayDistinctByDsqId() {
        Recording read = Recording.read("threads.xml");

        assertThat(read.threads()).filteredOn(t -> "https://example.org/shared/".equals(t.link()))
                .extracting(SourceThread::id).containsExactly("2", "4", "5");
    }

    @Test
    void astralCharactersInTitlesSurviveBothXmlAndHtmlDecoding() {
        Recording read = Recording.read("threads.xml");

        assertThat(read.threads().get(5)).isEqualTo(new SourceThread("6", "https://example.org/stars/", null,
                "Stars \uD83C\uDF1F and \uD835\uDCB3"));
    }

    @Test
    void threadWithoutDsqIdFallsBackToIdThenLinkThenPositionWithMissingIdWarnings() {
        Recording read = Recording.read("threads.xml");

        assertThat(read.order()).containsExactly("thread 1", "thread 2", "thread 3", "thread 4", "thread 5",
                "thread 6", "warning MISSING_ID", "thread legacy-identifier", "warning MISSING_ID",
                "thread https://example.org/only-link/", "warning MISSING_ID", "thread thread-9",
                "warning MISSING_ID", "thread thread-10");
        assertThat(read.threads().subList(6, 10)).containsExactly(
                new SourceThread("legacy-identifier", "https://example.org/legacy/", "legacy-identifier", null),
                new SourceThread("https://example.org/only-link/", "https://example.org/only-link/", null, null),
                SourceThread.ofId("thread-9"),
                SourceThread.ofId("thread-10"));
        assertThat(read.warnings()).containsExactly(
                new ImportWarning(ImportWarning.Code.MISSING_ID, "legacy-identifier", null,
                        "the thread has no dsq:id: its <id> is used"),
                new ImportWarning(ImportWarning.Code.MISSING_ID, "https://example.org/only-link/", null,
                        "the thread has no dsq:id and no <id>: its <link> is used"),
                new ImportWarning(ImportWarning.Code.MISSING_ID, "thread-9", null,
                        "the thread has neither a dsq:id, an <id> nor a <link>: imported as \"thread-9\", from its"
                                + " position among the file's threads"),
                new ImportWarning(ImportWarning.Code.MISSING_ID, "thread-10", null,
                        "the thread has neither a dsq:id, an <id> nor a <link>: imported as \"thread-10\", from its"
                                + " position among the file's threads"));
    }
}
