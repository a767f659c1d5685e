package dz.libertaphonix.scheduler.jobs;

import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.RunRequest;
import dz.libertaphonix.scheduler.runs.RunTrigger;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Maps an EventBridge event delivered to a job's function to a run request. */
final class RunRequests {

    private RunRequests() {}

    static RunRequest from(JobId job, EventBridgeEvent event, Instant deadline) {
        if (event == null || event.detailType() == null) {
            throw new BadEventException("not an EventBridge event: no detail-type");
        }
        if (event.id() == null || event.id().isBlank()) {
            throw new BadEventException("an EventBridge event without an id cannot be deduplicated");
        }
        return switch (event.detailType()) {
            case EventBridgeEvent.SCHEDULED_EVENT -> RunRequest.scheduled(job, event.time(), event.id(), deadline);
            case EventBridgeEvent.SYNC_REQUESTED -> syncRequested(job, event, deadline);
            default -> throw new BadEventException("unsupported detail-type '" + event.detailType() + "'");
        };
    }

    private static RunRequest syncRequested(JobId job, EventBridgeEvent event, Instant deadline) {
        Map<String, Object> detail = event.detail() == null ? Map.of() : event.detail();
        String requested = text(detail.get("job"));
        // a rule routing one job's requests to another job's function is a deployment error, not a run
        if (JobId.parse(requested).filter(job::equals).isEmpty()) {
            throw new BadEventException(
                    "SyncRequested for job '" + requested + "' delivered to the " + job + " function");
        }
        UUID runId = null;
        String id = text(detail.get("runId"));
        if (id != null) {
            try {
                runId = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                throw new BadEventException("SyncRequested runId '" + id + "' is not a UUID");
            }
        }
        String actor = text(detail.get("actor"));
        return new RunRequest(
                job, RunTrigger.MANUAL, event.id(), actor == null ? "unknown" : actor, null, runId, deadline);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
