package dev.parley.core.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The renderer's work, counted in {@link Steps} rather than timed, grows linearly with its input whatever the
 * nesting: deep tables, {@code div}s, unclosed formatting chains and blockquotes, which jsoup's parser nests
 * 512 levels deep and then piles up side by side.
 */
@DisplayName("Rendering cost")
class RenderingCostTest {

    private static final Pipeline PIPELINE = new Pipeline(true, true);

    private static String repeated(String level, int length) {
        StringBuilder html = new StringBuilder(length + level.length());
        while (html.length() + level.length() <= length) {
            html.append(level);
        }
        return html.toString();
    }

    private static long steps(String html) {
        Steps steps = new Steps();
        PIPELINE.html(html, steps);
        return steps.count();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<table><tr><td>", "<table><tr><td>x", "<div>", "<div>x", "<b><i>", "<b><i>x",
        "<blockquote>", "<blockquote>x"})
    @DisplayName("doubling deeply nested input at most doubles the steps, give or take 10%")
    void doublingTheInputAtMostDoublesTheSteps(String level) {
        for (int length : new int[] {16_384, 32_768, 65_536}) {
            long steps = steps(repeated(level, length));
            long doubled = steps(repeated(level, 2 * length));

            assertThat(steps).as("steps at %d characters", length).isPositive();
            assertThat((double) doubled / steps).as("steps at %d characters over steps at %d", 2 * length, length)
                    .isLessThanOrEqualTo(2.2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<table><tr><td>", "<div>", "<b><i>", "<blockquote>"})
    @DisplayName("100,000 nesting levels, under a raised input limit, take a few steps per character")
    void aHundredThousandLevelsTakeAFewStepsPerCharacter(String level) {
        String html = level.repeat(100_000);

        long steps = steps(html);

        assertThat(steps).as("steps for %d characters", html.length()).isLessThanOrEqualTo(2L * html.length());
    }
}
