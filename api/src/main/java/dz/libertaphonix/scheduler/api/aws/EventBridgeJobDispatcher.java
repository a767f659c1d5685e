package dz.libertaphonix.scheduler.api.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.runs.JobAlreadyRunningException;
import dz.libertaphonix.scheduler.runs.JobDispatcher;
import dz.libertaphonix.scheduler.runs.JobId;
import dz.libertaphonix.scheduler.runs.JobRunner;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Runs a job now, in AWS: puts a {@code SyncRequested} event (job, run id, actor) on the
 * application's bus, which the job's rule routes to its function. Returns as soon as EventBridge
 * has accepted the event; the run id is chosen here so the caller can follow the run at once.
 */
@ApplicationScoped
@IfBuildProperty(name = "scheduler.control", stringValue = "eventbridge")
public class EventBridgeJobDispatcher implements JobDispatcher {

    private final EventBridgeClient eventBridge;
    private final EventBridgeConfig config;
    private final JobRunner runner;
    private final ObjectMapper json;

    public EventBridgeJobDispatcher(
            EventBridgeClient eventBridge, EventBridgeConfig config, JobRunner runner, ObjectMapper json) {
        this.eventBridge = eventBridge;
        this.config = config;
        this.runner = runner;
        this.json = json;
    }

    @Override
    public UUID dispatch(JobId job, String actor) {
        // a run in progress (the job's lock in Redis, else a live RUNNING ledger row) answers 409 here;
        // two triggers racing past this check both reach the function, where the JobRunner's lock
        // records the second as SKIPPED (already-running)
        Optional<UUID> running = runner.runningRun(job);
        if (running.isPresent()) {
            throw new JobAlreadyRunningException(job, running.get());
        }
        UUID runId = UUID.randomUUID();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("job", job.id());
        detail.put("runId", runId.toString());
        detail.put("actor", actor);
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                .eventBusName(config.eventBus())
                .source(config.eventSource())
                .detailType(config.syncRequestedDetailType())
                .detail(toJson(detail))
                .build();
        PutEventsResponse response;
        try {
            response = eventBridge.putEvents(request -> request.entries(entry));
        } catch (SdkException e) {
            throw new ScheduleControlUnavailableException("EventBridge PutEvents failed: " + e.getMessage());
        }
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            PutEventsResultEntry failed =
                    response.entries().isEmpty() ? null : response.entries().get(0);
            throw new ScheduleControlUnavailableException("EventBridge refused the SyncRequested event"
                    + (failed == null ? "" : ": " + failed.errorCode() + " " + failed.errorMessage()));
        }
        return runId;
    }

    private String toJson(Map<String, Object> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the SyncRequested detail", e);
        }
    }
}
