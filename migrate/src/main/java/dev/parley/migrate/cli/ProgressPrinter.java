package dev.parley.migrate.cli;

import dev.parley.migrate.ImportProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Shows an import's, export's or restore's progress on standard error.
 *
 * <p>On a terminal it keeps one line, redrawn in place with a carriage return: the phase, a bar and the percent
 * of the file read, the items handled, their rate and the time left, then ends the line when the phase ends.
 * Elsewhere (a pipe, a log file, a dumb terminal) it prints plain lines, with neither carriage returns nor
 * escape sequences: one every {@value #PLAIN_INTERVAL_SECONDS} seconds at most while a phase runs, and one when
 * it ends.
 *
 * <p>Not thread-safe: it is called on the thread doing the work.
 */
final class ProgressPrinter implements ImportProgress.Listener {

    /** The least time between two plain lines of one phase. */
    static final int PLAIN_INTERVAL_SECONDS = 5;

    private static final long PLAIN_INTERVAL_NANOS = PLAIN_INTERVAL_SECONDS * 1_000_000_000L;
    private static final int BAR_WIDTH = 20;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private ImportProgress.@Nullable Phase phase;
    private @Nullable ImportProgress last;
    private long phaseStart;
    private long lastPrinted;
    private int drawnLength;

    /**
     * Creates the printer for a command's environment.
     *
     * @param environment where to print, whether it is a terminal, and the clock
     */
    ProgressPrinter(CliEnvironment environment) {
        this.err = environment.err();
        this.terminal = environment.terminal();
        this.nanoTime = environment.nanoTime();
    }

    @Override
    public void progress(ImportProgress progress) {
        long now = nanoTime.getAsLong();
        if (progress.phase() != phase) {
            endPhase(now, true);
            phase = progress.phase();
            phaseStart = now;
            lastPrinted = now;
        }
        last = progress;
        if (terminal) {
            draw(barLine(progress, now));
        } else if (now - lastPrinted >= PLAIN_INTERVAL_NANOS) {
            err.println(plainLine(progress, now));
            err.flush();
            lastPrinted = now;
        }
    }

    /**
     * Ends the current phase's output: on a terminal, the bar's last state and a line break, so that what
     * follows starts on a line of its own; elsewhere a closing line, when the work completed.
     *
     * @param completed true when the work ended normally, false when it failed
     */
    void finish(boolean completed) {
        endPhase(nanoTime.getAsLong(), completed);
        phase = null;
    }

    private void endPhase(long now, boolean completed) {
        ImportProgress ended = last;
        if (ended == null) {
            return;
        }
        last = null;
        if (terminal) {
            if (completed) {
                draw(barLine(ended, now) + "  done");
            }
            err.println();
            drawnLength = 0;
        } else if (completed) {
            err.println(name(ended.phase()) + ": done, " + count(ended.items()) + " items in "
                    + duration(now - phaseStart));
        }
        err.flush();
    }

    private void draw(String line) {
        StringBuilder out = new StringBuilder(line.length() + 2).append('\r').append(line);
        // Spaces, not an escape sequence, wipe a longer earlier line: any terminal understands them.
        for (int i = line.length(); i < drawnLength; i++) {
            out.append(' ');
        }
        drawnLength = line.length();
        err.print(out);
        err.flush();
    }

    /** The terminal's line: {@code checking  [#########-----------]  45%  12,345 items  3,210/s  ETA 0:04}. */
    static String barLine(ImportProgress progress, long elapsedFrom, long now) {
        StringBuilder line = new StringBuilder(80);
        line.append(String.format(Locale.ROOT, "%-9s", name(progress.phase())));
        double fraction = progress.fraction();
        if (fraction >= 0) {
            int filled = (int) Math.floor(fraction * BAR_WIDTH);
            line.append(" [").append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%", percent(fraction)));
        }
        line.append("  ").append(count(progress.items())).append(" items");
        long elapsed = now - elapsedFrom;
        String rate = rate(progress.items(), elapsed);
        if (rate != null) {
            line.append("  ").append(rate);
        }
        String eta = eta(fraction, elapsed);
        if (eta != null) {
            line.append("  ETA ").append(eta);
        }
        return line.toString();
    }

    /** A plain line: {@code checking: 45%, 12,345 items, 3,210/s, ETA 0:04}. */
    static String plainLine(ImportProgress progress, long elapsedFrom, long now) {
        StringBuilder line = new StringBuilder(80).append(name(progress.phase())).append(": ");
        double fraction = progress.fraction();
        if (fraction >= 0) {
            line.append(percent(fraction)).append("%, ");
        }
        line.append(count(progress.items())).append(" items");
        long elapsed = now - elapsedFrom;
        String rate = rate(progress.items(), elapsed);
        if (rate != null) {
            line.append(", ").append(rate);
        }
        String eta = eta(fraction, elapsed);
        if (eta != null) {
            line.append(", ETA ").append(eta);
        }
        return line.toString();
    }

    private String barLine(ImportProgress progress, long now) {
        return barLine(progress, phaseStart, now);
    }

    private String plainLine(ImportProgress progress, long now) {
        return plainLine(progress, phaseStart, now);
    }

    private static String name(ImportProgress.Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT);
    }

    private static int percent(double fraction) {
        return (int) Math.floor(fraction * 100);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static @Nullable String rate(long items, long elapsedNanos) {
        if (elapsedNanos <= 0) {
            return null;
        }
        return count(Math.round(items * 1e9 / elapsedNanos)) + "/s";
    }

    /** Time left, from the share of the file read so far; unknown before any of it or without a total. */
    private static @Nullable String eta(double fraction, long elapsedNanos) {
        if (fraction <= 0 || fraction >= 1 || elapsedNanos <= 0) {
            return null;
        }
        return clock(Math.round(elapsedNanos * (1 - fraction) / fraction / 1e9));
    }

    private static String duration(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static String clock(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }
}
