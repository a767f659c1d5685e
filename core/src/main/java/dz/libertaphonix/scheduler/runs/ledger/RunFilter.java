package dz.libertaphonix.scheduler.runs.ledger;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunStatus;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import java.time.Instant;

/**
 * Filters of the run history; a null field does not filter.
 *
 * @param job one job
 * @param status one status
 * @param trigger one trigger
 * @param from started at or after
 * @param to started before
 */
public record RunFilter(JobId job, JobRunStatus status, RunTrigger trigger, Instant from, Instant to) {

    public static RunFilter all() {
        return new RunFilter(null, null, null, null, null);
    }
}
