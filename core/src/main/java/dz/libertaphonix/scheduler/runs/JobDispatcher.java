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
}
