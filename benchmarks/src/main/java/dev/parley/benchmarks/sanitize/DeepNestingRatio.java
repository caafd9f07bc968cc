package dev.parley.benchmarks.sanitize;

import dev.parley.benchmarks.Interleaved;
import dev.parley.core.content.CommentRenderer;
import dev.parley.core.content.InputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.jsoup.Jsoup;

/**
 * Hostile nesting: Parley's renderer against jsoup's parse alone, on deep tables, {@code div}s, unclosed
 * formatting chains ({@code <b><i><b><i>...}) and blockquotes of 64 K, 128 K and 256 K characters, all
 * {@link Interleaved interleaved} in one run. For each shape and size it prints the medians, Parley's time over
 * the parse's, and how much Parley's time grew since the size half as long: linear work grows about 2x per
 * doubling, quadratic work 4x.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar dev.parley.benchmarks.sanitize.DeepNestingRatio
 * [rounds]}.
 */
public final class DeepNestingRatio {

    /** One nesting level of each shape, with a word in it. */
    static final String[][] SHAPES = {
        {"nested tables", "<table><tr><td>x"},
        {"nested divs", "<div>x"},
        {"unclosed b/i chain", "<b><i>x"},
        {"nested blockquotes", "<blockquote>x"}};

    /** The input sizes, in characters. */
    static final int[] LENGTHS = {65_536, 131_072, 262_144};

    private DeepNestingRatio() {
    }

    /**
     * Returns {@code level} repeated as often as fits in {@code length} characters.
     *
     * @param level one nesting level
     * @param length the most characters
     * @return the input
     */
    static String nested(String level, int length) {
        return level.repeat(length / level.length());
    }

    /**
     * Runs the comparison and prints the result.
     *
     * @param args optionally the number of measured rounds (default 20)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        CommentRenderer parley = CommentRenderer.builder().maxInputLength(LENGTHS[LENGTHS.length - 1]).build();
        List<LongSupplier> operations = new ArrayList<>();
        for (String[] shape : SHAPES) {
            for (int length : LENGTHS) {
                String input = nested(shape[1], length);
                operations.add(() -> parley.render(input, InputFormat.HTML).length());
                operations.add(() -> Jsoup.parseBodyFragment(input).body().childNodeSize());
            }
        }
        Interleaved times = Interleaved.measure(rounds, 1, operations.toArray(LongSupplier[]::new));
        System.out.printf("deep nesting, %d rounds (checksum %d); medians, then minimums in brackets%n", rounds,
                times.checksum());
        System.out.println("| input | characters | Parley renders (ms) | jsoup parses (ms) | Parley / parse "
                + "| Parley's growth per doubling |");
        System.out.println("|---|---|---|---|---|---|");
        int operation = 0;
        for (String[] shape : SHAPES) {
            double previous = Double.NaN;
            double previousMin = Double.NaN;
            for (int length : LENGTHS) {
                double render = times.median(operation);
                double parse = times.median(operation + 1);
                double renderMin = times.min(operation);
                double parseMin = times.min(operation + 1);
                String growth = Double.isNaN(previous) ? "" : String.format("%.2f (%.2f)", render / previous,
                        renderMin / previousMin);
                System.out.printf("| %s | %,d | %.1f (%.1f) | %.1f (%.1f) | %.2f (%.2f) | %s |%n", shape[0],
                        nested(shape[1], length).length(), render / 1e6, renderMin / 1e6, parse / 1e6,
                        parseMin / 1e6, render / parse, renderMin / parseMin, growth);
                previous = render;
                previousMin = renderMin;
                operation += 2;
            }
        }
    }
}
