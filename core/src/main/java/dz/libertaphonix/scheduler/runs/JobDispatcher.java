package dz.libertaphonix.scheduler.runs;

import java.util.UUID;

/**
 * Port: start a run of a job now, asynchronously. Returns the run id at once; the run itself goes
 * through the JobRunner wherever it executes (EventBridge SyncRequested → jobs Lambda in AWS, a
 * managed executor locally).
 *
 * @throws JobAlreadyRunningException when a run of the job is in progress
 */
public interface JobDispatcher {

    UUID dispatch(JobId job, String actor);

    /**
     * As {@link #dispatch(JobId, String)}, for a run of another kind than MANUAL: a {@link
     * RunTrigger#DRY_RUN dry run} ({@code ?dryRun=true}), or the {@link RunTrigger#CATCH_UP catch-up}
     * of a missed fire.
     *
     * @throws IllegalArgumentException for a trigger nobody dispatches (SCHEDULED, RETRY)
     */
    default UUID dispatch(JobId job, String actor, RunTrigger trigger) {
        if (trigger == RunTrigger.MANUAL) {
            return dispatch(job, actor);
        }
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot dispatch a " + trigger + " run");
    }
}
