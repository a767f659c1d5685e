package dz.libertaphonix.scheduler.runs;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dry run would have written, kind by kind: each write step of a job, when {@link
 * JobContext#dryRun()} is true, records here instead of writing ({@code orders.import}, {@code
 * orders.assign}, {@code rows.delete} …), with a count and up to {@value #SAMPLES} sample ids. The
 * runner stores it as the run's results ({@code GET /runs/{id}}). Safe for a job's parallel units.
 */
public final class DryRunReport {

    /** Sample ids kept per kind: enough to check by eye, bounded whatever the run's size. */
    public static final int SAMPLES = 50;

    private final Map<String, Tally> kinds = new LinkedHashMap<>();

    /**
     * One kind of write in the report.
     *
     * @param count how many the real run would have written
     * @param samples the first ids (and, where it says something, what would happen to them: {@code
     *     NATU/1042 → agent 3 Amina})
     */
    @RegisterForReflection
    public record Kind(long count, List<String> samples) {}

    /** One write the real run would have made. */
    public void would(String kind, String sample) {
        would(kind, 1, sample == null ? List.of() : List.of(sample));
    }

    /** {@code count} writes of one kind, with (some of) their ids. */
    public synchronized void would(String kind, long count, Collection<String> samples) {
        Tally tally = kinds.computeIfAbsent(kind, k -> new Tally());
        tally.count += count;
        for (String sample : samples) {
            if (tally.samples.size() >= SAMPLES) {
                break;
            }
            tally.samples.add(sample);
        }
    }

    /** The kinds recorded so far, in the order first seen. */
    public synchronized Map<String, Kind> kinds() {
        Map<String, Kind> copy = new LinkedHashMap<>();
        kinds.forEach((kind, tally) -> copy.put(kind, new Kind(tally.count, List.copyOf(tally.samples))));
        return copy;
    }

    public synchronized Kind kind(String kind) {
        Tally tally = kinds.get(kind);
        return tally == null ? new Kind(0, List.of()) : new Kind(tally.count, List.copyOf(tally.samples));
    }

    private static final class Tally {
        long count;
        final List<String> samples = new ArrayList<>();
    }
}
