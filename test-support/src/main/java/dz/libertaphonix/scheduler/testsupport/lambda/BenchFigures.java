package dz.libertaphonix.scheduler.testsupport.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** The arithmetic of the benchmarks' {@code BENCH} lines: medians of rounds, ratios, the machine's load. */
public final class BenchFigures {

    private BenchFigures() {}

    public static <T> long median(List<T> rounds, ToLongFunction<T> field) {
        List<Long> sorted = rounds.stream().map(field::applyAsLong).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** {@code value / baseline} with two decimals (0 when the baseline is 0). */
    public static String ratio(long value, long baseline) {
        return String.format(Locale.ROOT, "%.2f", baseline == 0 ? 0.0 : (double) value / baseline);
    }

    /** The 1-minute load average: how busy the shared machine was while measuring. */
    public static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
