package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The runner's reading and making of ledger rows: a new row, earlier attempts, and a row's summary. */
final class RunRows {

    private RunRows() {}

    static JobRun newRun(RunRequest request, UUID runId, RunTrigger trigger, int attempt, Instant startedAt) {
        JobRun run = new JobRun();
        run.id = runId;
        run.jobId = request.job();
        run.trigger = trigger;
        run.eventId = request.eventId();
        run.actor = request.actor();
        run.scheduledAt = request.scheduledAt();
        run.startedAt = startedAt;
        run.attempt = attempt;
        run.counts = new LinkedHashMap<>();
        return run;
    }

    /** How many attempts of an event failed (or were abandoned): the next one is a RETRY. */
    static int failedAttempts(List<JobRun> earlier) {
        return earlier.stream()
                .filter(run -> run.status == JobRunStatus.FAILED || run.status == JobRunStatus.ABANDONED)
                .mapToInt(run -> run.attempt)
                .max()
                .orElse(0);
    }

    /** The event already did its work (or is doing it): running it again would duplicate it. */
    static boolean produced(JobRun run) {
        return run.status == JobRunStatus.SUCCEEDED
                || run.status == JobRunStatus.PARTIAL
                || run.status == JobRunStatus.RUNNING;
    }

    static RunSummary summary(JobRun run) {
        return new RunSummary(
                run.id,
                run.jobId,
                run.trigger,
                run.status,
                run.skipReason,
                run.counts == null ? Map.of() : Map.copyOf(run.counts),
                run.startedAt,
                run.endedAt,
                run.error == null ? null : Map.copyOf(run.error));
    }
}
