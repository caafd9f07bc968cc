package dev.parley.migrate.cli;

import dev.parley.migrate.CommentWriter;
import dev.parley.migrate.ExportReport;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What {@code export} and {@code backup} share: open a database that exists, write its comments to a file
 * whole or not at all while showing progress, and print what was written.
 *
 * <p>Stateless and thread-safe.
 */
final class Exporting {

    /** How many export warnings are listed; all are counted. */
    static final int WARNING_LINES = 50;

    private Exporting() {
    }

    /**
     * Writes a database's comments to a file.
     *
     * @param environment the process's environment
     * @param database the database options
     * @param output the file to write
     * @param gzip true to compress it
     * @param writer the format
     * @throws CommandFailure if there is no database at the URL, or the file cannot be written
     */
    static void run(CliEnvironment environment, DatabaseOptions database, Path output, boolean gzip,
            CommentWriter writer) {
        database.check(environment);
        try (Database source = database.openExisting(environment).orElseThrow(() -> new CommandFailure(
                "no database at " + database.url() + ": nothing to export"))) {
            ProgressPrinter progress = new ProgressPrinter(environment);
            ExportReport report;
            try {
                report = OutputFile.write(output, gzip, out -> writer.write(source.store(), out, progress));
            } catch (RuntimeException e) {
                progress.finish(false);
                throw e;
            }
            progress.finish(true);
            PrintWriter out = environment.out();
            out.print(format(report, output));
            out.flush();
        }
    }

    /**
     * Renders what an export wrote.
     *
     * @param report the report
     * @param output the file written
     * @return the text, lines ending in {@code \n}
     */
    static String format(ExportReport report, Path output) {
        StringBuilder text = new StringBuilder("Wrote ").append(report.comments())
                .append(report.comments() == 1 ? " comment in " : " comments in ").append(report.threads())
                .append(report.threads() == 1 ? " thread to " : " threads to ").append(output).append(".\n");
        text.append("Warnings: ").append(report.warnings().size()).append('\n');
        int listed = 0;
        for (String warning : report.warnings()) {
            if (listed == WARNING_LINES) {
                text.append("  ... and ").append(report.warnings().size() - listed).append(" more\n");
                break;
            }
            text.append("  ").append(warning).append('\n');
            listed++;
        }
        return text.toString();
    }
}
