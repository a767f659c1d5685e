package dz.libertaphonix.scheduler.events;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * How a run ended, as every run event tells it: the {@code detail} of {@code SyncCompleted}, {@code
 * SyncFailed} and {@code SyncSkipped}. Its field names are a contract: the run-events log group, its
 * metric filter ({@code $.detail.status}, {@code $.detail.job}) and every subscriber read them.
 *
 * @param job the job, by its id
 * @param skipReason why a skipped run did not execute ({@code duplicate}, {@code already-running})
 * @param counts the run's totals
 * @param endedAt its end; its start for a run that ended as it was recorded (skipped)
 * @param error the error summary on one line, or null
 */
@RegisterForReflection
public record RunOutcome(
        JobId job,
        UUID runId,
        JobRunStatus status,
        RunTrigger trigger,
        String actor,
        int attempt,
        String skipReason,
        Map<String, Long> counts,
        Instant startedAt,
        Instant endedAt,
        long durationMs,
        String error) {

    public RunOutcome {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }
}
