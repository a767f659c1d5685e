package dz.libertaphonix.scheduler.runs;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A job's live state as kept in Redis, read by the status endpoint without touching PostgreSQL.
 *
 * @param current the run in progress, or null
 * @param lastStart start of the last run that executed (not skipped)
 * @param lastEnd end of that run, null while it is running
 * @param lastStatus its status
 * @param lastCounts its counts
 * @param lastError one line describing its error, or null
 */
public record JobLiveState(
        JobId job,
        CurrentRun current,
        Instant lastStart,
        Instant lastEnd,
        JobRunStatus lastStatus,
        Map<String, Long> lastCounts,
        String lastError) {

    public record CurrentRun(
            UUID runId, RunTrigger trigger, String actor, Instant startedAt, Map<String, Progress> progress) {}

    public record Progress(long done, long total) {}
}
