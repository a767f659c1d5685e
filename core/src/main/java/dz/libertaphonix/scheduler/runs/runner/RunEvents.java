package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.events.RunEvent;
import dz.libertaphonix.scheduler.events.RunOutcome;
import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.ledger.JobRun;
import java.time.Duration;
import java.time.Instant;

/** The run event a ledger row makes once its run has ended. */
final class RunEvents {

    private RunEvents() {}

    static RunEvent of(JobRun run) {
        Instant end = run.endedAt == null ? run.startedAt : run.endedAt;
        return RunEvent.of(new RunOutcome(
                run.jobId,
                run.id,
                run.status,
                run.trigger,
                run.actor,
                run.attempt,
                run.skipReason,
                run.counts,
                run.startedAt,
                end,
                Duration.between(run.startedAt, end).toMillis(),
                ErrorSummary.oneLine(run.error)));
    }
}
