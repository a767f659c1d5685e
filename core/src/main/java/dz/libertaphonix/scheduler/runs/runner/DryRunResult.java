package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.runs.DryRunReport;
import dz.libertaphonix.scheduler.runs.JobResult;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dry run's results in the ledger ({@code GET /runs/{id}}): what it would have written, kind by
 * kind, and the job's own report of the reading it did. Its counts are the would-do counts, named
 * {@code wouldDo.<kind>}, so no dry run's figures are ever summed with a real run's.
 *
 * @param dryRun always true: a reader of the results tells a dry run by it
 * @param wouldDo per kind of write: how many and up to 50 sample ids
 * @param report what the job reported, as after a real run (its counts are what it would have done)
 */
@RegisterForReflection
public record DryRunResult(boolean dryRun, Map<String, DryRunReport.Kind> wouldDo, Object report) {

    static JobResult of(JobResult result, DryRunReport report) {
        Map<String, DryRunReport.Kind> kinds = report.kinds();
        Map<String, Long> counts = new LinkedHashMap<>();
        kinds.forEach((kind, tally) -> counts.put("wouldDo." + kind, tally.count()));
        return new JobResult(
                result.status(),
                counts,
                new DryRunResult(true, kinds, result.results()),
                result.message(),
                result.units());
    }
}
