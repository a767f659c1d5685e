package dz.libertaphonix.scheduler.runs.live;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.UnitResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A job's live state as kept in Redis, read by the status endpoint without touching PostgreSQL.
 *
 * @param current the run in progress, or null
 * @param lastRunId the last run that executed (not skipped); it may be the current one
 * @param lastTrigger what fired it
 * @param lastStart its start
 * @param lastEnd its end, null while it is running
 * @param lastStatus its status
 * @param lastCounts its counts
 * @param lastError its error summary ({@code class}, {@code message}, {@code where}), or null
 * @param lastUnits how each of its stores or accounts ended, or null when it reported none
 */
public record JobLiveState(
        JobId job,
        CurrentRun current,
        UUID lastRunId,
        RunTrigger lastTrigger,
        Instant lastStart,
        Instant lastEnd,
        JobRunStatus lastStatus,
        Map<String, Long> lastCounts,
        Map<String, String> lastError,
        List<UnitResult> lastUnits) {

    public record CurrentRun(
            UUID runId, RunTrigger trigger, String actor, Instant startedAt, Map<String, Progress> progress) {}

    public record Progress(long done, long total) {}
}
