package dev.parley.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.migrate.ImportProgress;
import dev.parley.migrate.ImportProgress.Phase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private static final long SECOND = 1_000_000_000L;

    private final StringWriter err = new StringWriter();
    private final AtomicLong clock = new AtomicLong();

    /** A printer whose clock moves one second at each reading. */
    private ProgressPrinter printer(boolean terminal) {
        return new ProgressPrinter(new CliEnvironment(new PrintWriter(new StringWriter()), new PrintWriter(err),
                terminal, name -> null, () -> clock.addAndGet(SECOND)));
    }

    @Test
    void barLineShowsPhasePercentItemsRateAndTimeLeft() {
        String line = ProgressPrinter.barLine(new ImportProgress(Phase.CHECKING, 12_345, 45, 100), 0, 4 * SECOND);

        assertThat(line).isEqualTo("checking  [#########-----------]  45%  12,345 items  3,086/s  ETA 0:05");
    }

    @Test
    void plainLineSaysTheSameWithoutABar() {
        String line = ProgressPrinter.plainLine(new ImportProgress(Phase.CHECKING, 12_345, 45, 100), 0, 4 * SECOND);

        assertThat(line).isEqualTo("checking: 45%, 12,345 items, 3,086/s, ETA 0:05");
    }

    @Test
    void withoutATotalThereIsNoPercentNorTimeLeft() {
        ImportProgress progress = new ImportProgress(Phase.EXPORTING, 500, 0, -1);

        assertThat(ProgressPrinter.barLine(progress, 0, 2 * SECOND)).isEqualTo("exporting  500 items  250/s");
        assertThat(ProgressPrinter.plainLine(progress, 0, 2 * SECOND)).isEqualTo("exporting: 500 items, 250/s");
    }

    @Test
    void timeLeftPastAnHourShowsHours() {
        String line = ProgressPrinter.plainLine(new ImportProgress(Phase.WRITING, 10, 1, 1_000), 0, 10 * SECOND);

        assertThat(line).isEqualTo("writing: 0%, 10 items, 1/s, ETA 2:46:30");
    }

    @Test
    void plainOutputPrintsAtMostEveryFiveSecondsAndOnceWhenAPhaseEnds() {
        ProgressPrinter printer = printer(false);
        for (int i = 1; i <= 12; i++) {
            printer.progress(new ImportProgress(Phase.CHECKING, i * 100L, i, 12));
        }
        printer.progress(new ImportProgress(Phase.WRITING, 100, 1, 12));
        printer.finish(true);

        // Clock readings 1..12 in CHECKING: lines at 6 and 11; WRITING starts at 13 and ends at 14.
        assertThat(err.toString()).isEqualTo(String.join(System.lineSeparator(),
                "checking: 50%, 600 items, 120/s, ETA 0:05",
                "checking: 91%, 1,100 items, 110/s, ETA 0:01",
                "checking: done, 1,200 items in 12.0 s",
                "writing: done, 100 items in 1.0 s",
                ""));
    }

    @Test
    void plainOutputHoldsNoCarriageReturnNorEscape() {
        ProgressPrinter printer = printer(false);
        for (int i = 1; i <= 40; i++) {
            printer.progress(new ImportProgress(i <= 20 ? Phase.CHECKING : Phase.WRITING, i, i, 40));
        }
        printer.finish(true);

        assertThat(err.toString()).isNotEmpty().doesNotContain("\r").doesNotContain("\u001b");
    }

    @Test
    void aTerminalGetsOneLineRedrawnInPlacePerPhase() {
        ProgressPrinter printer = printer(true);
        printer.progress(new ImportProgress(Phase.CHECKING, 1_000, 50, 100));
        printer.progress(new ImportProgress(Phase.CHECKING, 2_000, 100, 100));
        printer.finish(true);

        assertThat(err.toString()).isEqualTo(
                "\rchecking  [##########----------]  50%  1,000 items"
                        + "\rchecking  [####################] 100%  2,000 items  2,000/s"
                        + "\rchecking  [####################] 100%  2,000 items  1,000/s  done"
                        + System.lineSeparator());
    }

    @Test
    void aShorterRedrawWipesTheLongerLineWithSpaces() {
        ProgressPrinter printer = printer(true);
        printer.progress(new ImportProgress(Phase.EXPORTING, 1, 0, -1));
        printer.progress(new ImportProgress(Phase.EXPORTING, 1_000_000, 0, -1));
        printer.progress(new ImportProgress(Phase.EXPORTING, 1_000_001, 0, -1));

        String[] draws = err.toString().split("\r", -1);
        assertThat(draws).containsExactly("",
                "exporting  1 items",
                "exporting  1,000,000 items  1,000,000/s",
                "exporting  1,000,001 items  500,001/s  ");
    }

    @Test
    void aFailureEndsTheTerminalLineWithoutSayingDone() {
        ProgressPrinter printer = printer(true);
        printer.progress(new ImportProgress(Phase.WRITING, 10, 5, 10));
        printer.finish(false);

        assertThat(err.toString()).isEqualTo("\rwriting   [##########----------]  50%  10 items"
                + System.lineSeparator());
    }

    @Test
    void finishingWithoutProgressPrintsNothing() {
        printer(false).finish(true);
        printer(true).finish(true);

        assertThat(err.toString()).isEmpty();
    }
}
