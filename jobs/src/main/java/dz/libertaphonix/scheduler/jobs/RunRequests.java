package dz.libertaphonix.scheduler.jobs;

import dz.libertaphonix.scheduler.events.EventBridgeEvent;
import dz.libertaphonix.scheduler.events.SyncRequested;
import dz.libertaphonix.scheduler.events.eventbridge.SyncRequests;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.runner.RunRequest;
import java.time.Instant;

/** Maps an EventBridge event delivered to a job's function to a run request. */
final class RunRequests {

    private RunRequests() {}

    static RunRequest from(JobId job, EventBridgeEvent event, Instant deadline, SyncRequests requests) {
        if (event == null || event.detailType() == null) {
            throw new BadEventException("not an EventBridge event: no detail-type");
        }
        if (event.id() == null || event.id().isBlank()) {
            throw new BadEventException("an EventBridge event without an id cannot be deduplicated");
        }
        if (EventBridgeEvent.SCHEDULED_EVENT.equals(event.detailType())) {
            return RunRequest.scheduled(job, event.time(), event.id(), deadline);
        }
        if (requests.isRequest(event)) {
            return syncRequested(job, event, deadline, requests);
        }
        throw new BadEventException("unsupported detail-type '" + event.detailType() + "'");
    }

    private static RunRequest syncRequested(
            JobId job, EventBridgeEvent event, Instant deadline, SyncRequests requests) {
        SyncRequested request;
        try {
            request = requests.read(event);
        } catch (IllegalArgumentException e) {
            throw new BadEventException(e.getMessage());
        }
        // a rule routing one job's requests to another job's function is a deployment error, not a run
        if (!request.job().equals(job)) {
            throw new BadEventException(
                    "SyncRequested for job '" + request.job() + "' delivered to the " + job + " function");
        }
        String actor = request.actor() == null ? "unknown" : request.actor();
        return new RunRequest(job, request.trigger(), event.id(), actor, null, request.runId(), deadline);
    }
}
