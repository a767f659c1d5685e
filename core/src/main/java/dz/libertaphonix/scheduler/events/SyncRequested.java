package dz.libertaphonix.scheduler.events;

import dz.libertaphonix.scheduler.runs.JobId;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * "Run this job now": the detail of a {@code SyncRequested} event, put on the application's bus by
 * the admin API and delivered by the job's rule to its function, which runs it as a MANUAL run.
 *
 * @param job the job, by its id ({@code ecomanager-sync}); its rule routes on it
 * @param runId the run's id, chosen by the API so it can answer with it at once
 * @param actor who asked (the admin's email)
 */
@RegisterForReflection
public record SyncRequested(JobId job, UUID runId, String actor) {

    public SyncRequested {
        if (job == null) {
            throw new IllegalArgumentException("a SyncRequested names its job");
        }
    }
}
