package dz.libertaphonix.scheduler.api.runs;

import dz.libertaphonix.scheduler.api.http.ApiTime;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One row of the run history. */
public record RunView(
        UUID id,
        String job,
        String name,
        String trigger,
        String status,
        String actor,
        int attempt,
        OffsetDateTime scheduledAt,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        Long durationMs,
        String skipReason,
        Map<String, Long> counts,
        Map<String, String> error) {

    /** The row; its job's legacy name from the catalogue (or its default form, for a job that is gone). */
    static RunView of(JobRun run, JobCatalog catalog) {
        return new RunView(
                run.id,
                run.jobId.id(),
                catalog.legacyName(run.jobId),
                run.trigger.name(),
                run.status.name(),
                run.actor,
                run.attempt,
                ApiTime.algiers(run.scheduledAt),
                ApiTime.algiers(run.startedAt),
                ApiTime.algiers(run.endedAt),
                run.endedAt == null
                        ? null
                        : Duration.between(run.startedAt, run.endedAt).toMillis(),
                run.skipReason,
                run.counts == null ? Map.of() : run.counts,
                run.error);
    }
}
