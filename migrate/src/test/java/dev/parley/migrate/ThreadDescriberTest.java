package dev.parley.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.storage.ThreadKey;
import org.junit.jupiter.api.Test;

class ThreadDescriberTest {

    private final ThreadDescriber describer = ThreadDescriber.byKey("https://example.org/");

    @Test
    void pathKeyIsAppendedToTheSiteAndItsLastSegmentIsTheSlug() {
        assertThat(describer.describe(ThreadKey.of("/2019/05/hello/")))
                .isEqualTo(new PostInfo("/2019/05/hello/", "https://example.org/2019/05/hello/", "hello", null));
    }

    @Test
    void queryAndFragmentAreNotPartOfTheSlug() {
        assertThat(describer.describe(ThreadKey.of("/?p=4")))
                .isEqualTo(new PostInfo("/?p=4", "https://example.org/?p=4", ""));
        assertThat(describer.describe(ThreadKey.of("/notes/first#comments")).slug()).isEqualTo("first");
        assertThat(describer.describe(ThreadKey.of("/notes/first?page=2#c")).slug()).isEqualTo("first");
    }

    @Test
    void keyWithoutLeadingSlashGetsOne() {
        assertThat(describer.describe(ThreadKey.of("source:12")))
                .isEqualTo(new PostInfo("source:12", "https://example.org/source:12", "source:12"));
    }
}
