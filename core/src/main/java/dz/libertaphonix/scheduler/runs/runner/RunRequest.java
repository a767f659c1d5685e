package dz.libertaphonix.scheduler.runs.runner;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import java.time.Instant;
import java.util.UUID;

/**
 * A request to run a job once, whatever fired it.
 *
 * @param job the job
 * @param trigger what fired it
 * @param eventId the EventBridge event id (deduplication key), null for in-process triggers
 * @param actor who asked (user email for a manual run, {@code scheduler} for a schedule)
 * @param scheduledAt the instant the schedule meant, when fired by a schedule
 * @param runId a run id chosen in advance (a trigger answers with it at once), or null
 * @param deadline when the job must have stopped; null means the runner's configured maximum
 */
public record RunRequest(
        JobId job,
        RunTrigger trigger,
        String eventId,
        String actor,
        Instant scheduledAt,
        UUID runId,
        Instant deadline) {

    public RunRequest {
        if (job == null || trigger == null) {
            throw new IllegalArgumentException("a run needs a job and a trigger");
        }
    }

    public static RunRequest manual(JobId job, String actor, UUID runId) {
        return new RunRequest(job, RunTrigger.MANUAL, null, actor, null, runId, null);
    }

    /**
     * A run someone or something asked for now, under a run id chosen in advance: MANUAL, DRY_RUN or
     * CATCH_UP.
     */
    public static RunRequest requested(JobId job, RunTrigger trigger, String actor, UUID runId) {
        if (trigger != RunTrigger.MANUAL && trigger != RunTrigger.DRY_RUN && trigger != RunTrigger.CATCH_UP) {
            throw new IllegalArgumentException("a " + trigger + " run is not requested");
        }
        return new RunRequest(job, trigger, null, actor, null, runId, null);
    }

    public static RunRequest scheduled(JobId job, Instant scheduledAt, String eventId, Instant deadline) {
        return new RunRequest(job, RunTrigger.SCHEDULED, eventId, "scheduler", scheduledAt, null, deadline);
    }
}
