package dz.libertaphonix.scheduler.runs;

import java.util.List;
import java.util.Map;

/**
 * What a job reports at the end of a run.
 *
 * @param status SUCCEEDED, PARTIAL (deadline reached or some units failed) or FAILED
 * @param counts totals across the run ({@code imported}, {@code changed}, {@code requests} ...)
 * @param results per-store or per-account detail, serialised as JSON into the ledger
 * @param message one line for the dashboard when something went wrong, else null
 * @param units each store's or account's outcome in short, kept in the live state for the status
 *     page; null for a job without such units
 */
public record JobResult(
        JobRunStatus status, Map<String, Long> counts, Object results, String message, List<UnitResult> units) {

    public JobResult {
        if (status != JobRunStatus.SUCCEEDED && status != JobRunStatus.PARTIAL && status != JobRunStatus.FAILED) {
            throw new IllegalArgumentException("a job ends SUCCEEDED, PARTIAL or FAILED, not " + status);
        }
        counts = counts == null ? Map.of() : Map.copyOf(counts);
        units = units == null ? null : List.copyOf(units);
    }

    /** A result without units. */
    public JobResult(JobRunStatus status, Map<String, Long> counts, Object results, String message) {
        this(status, counts, results, message, null);
    }

    public static JobResult succeeded(Map<String, Long> counts, Object results) {
        return new JobResult(JobRunStatus.SUCCEEDED, counts, results, null);
    }
}
