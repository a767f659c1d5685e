package dz.libertaphonix.scheduler.events.eventbridge;

import dz.libertaphonix.scheduler.events.SyncRequested;
import dz.libertaphonix.scheduler.runs.JobAlreadyRunningException;
import dz.libertaphonix.scheduler.runs.JobDispatcher;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import dz.libertaphonix.scheduler.runs.runner.JobRunner;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a job now, in AWS: puts a {@link SyncRequested} (job, run id, actor) on the application's
 * bus, which the job's rule routes to its function. Returns as soon as EventBridge has accepted the
 * event; the run id is chosen here so the caller can follow the run at once. The api's adapter with
 * {@code scheduler.control=eventbridge}.
 */
@ApplicationScoped
@IfBuildProperty(name = "scheduler.control", stringValue = "eventbridge")
public class EventBridgeJobDispatcher implements JobDispatcher {

    private final SyncRequests requests;
    private final JobRunner runner;

    public EventBridgeJobDispatcher(SyncRequests requests, JobRunner runner) {
        this.requests = requests;
        this.runner = runner;
    }

    @Override
    public UUID dispatch(JobId job, String actor) {
        return dispatch(job, actor, RunTrigger.MANUAL);
    }

    @Override
    public UUID dispatch(JobId job, String actor, RunTrigger trigger) {
        // a run in progress (the job's lock in Redis, else a live RUNNING ledger row) answers 409 here;
        // two triggers racing past this check both reach the function, where the JobRunner's lock
        // records the second as SKIPPED (already-running)
        Optional<UUID> running = runner.runningRun(job);
        if (running.isPresent()) {
            throw new JobAlreadyRunningException(job, running.get());
        }
        UUID runId = UUID.randomUUID();
        requests.send(SyncRequested.of(job, runId, actor, trigger));
        return runId;
    }
}
