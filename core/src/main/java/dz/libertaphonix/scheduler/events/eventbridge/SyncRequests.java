package dz.libertaphonix.scheduler.events.eventbridge;

import dz.libertaphonix.scheduler.events.EventBridgeEvent;
import dz.libertaphonix.scheduler.events.SyncRequested;
import dz.libertaphonix.scheduler.runs.JobCatalog;
import dz.libertaphonix.scheduler.runs.JobDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * {@link SyncRequested} over EventBridge, both ways: the api sends it, the job functions read it,
 * with the {@code detail-type} of one configuration ({@link EventBridgeConfig#syncRequestedDetailType()}).
 */
@ApplicationScoped
public class SyncRequests {

    private final ApplicationBus bus;
    private final EventBridgeConfig config;
    private final JobCatalog catalog;

    public SyncRequests(ApplicationBus bus, EventBridgeConfig config, JobCatalog catalog) {
        this.bus = bus;
        this.config = config;
        this.catalog = catalog;
    }

    /**
     * Puts the request on the application's bus; the job's rule delivers it to the job's function.
     *
     * @throws ScheduleControlUnavailableException when EventBridge cannot be reached or refuses it
     */
    public void send(SyncRequested request) {
        PutEventsResultEntry result;
        try {
            result = bus.put(config.syncRequestedDetailType(), request, null, null);
        } catch (SdkException e) {
            throw new ScheduleControlUnavailableException("EventBridge PutEvents failed: " + e.getMessage());
        }
        if (result.errorCode() != null) {
            throw new ScheduleControlUnavailableException(
                    "EventBridge refused the SyncRequested event: " + result.errorCode() + " " + result.errorMessage());
        }
    }

    /** Whether the event is a run request, by its {@code detail-type}. */
    public boolean isRequest(EventBridgeEvent event) {
        return config.syncRequestedDetailType().equals(event.detailType());
    }

    /**
     * The request a delivered event carries. Its job may be named by id or legacy name.
     *
     * @throws IllegalArgumentException when the detail is not a request this application can run
     */
    public SyncRequested read(EventBridgeEvent event) {
        Map<String, Object> detail = event.detail() == null ? Map.of() : event.detail();
        String job = text(detail.get("job"));
        JobDescriptor known = catalog.find(job)
                .orElseThrow(() -> new IllegalArgumentException("SyncRequested for unknown job '" + job + "'"));
        String runId = text(detail.get("runId"));
        return new SyncRequested(
                known.id(),
                uuid(runId).orElse(null),
                text(detail.get("actor")),
                flag(detail.get("dryRun")),
                flag(detail.get("catchUp")));
    }

    /** A boolean of the detail: absent is false; anything but true or false is not a request we can run. */
    private static boolean flag(Object value) {
        if (value == null || Boolean.FALSE.equals(value) || "false".equals(value)) {
            return false;
        }
        if (Boolean.TRUE.equals(value) || "true".equals(value)) {
            return true;
        }
        throw new IllegalArgumentException("SyncRequested flag '" + value + "' is not true or false");
    }

    private static Optional<UUID> uuid(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SyncRequested runId '" + value + "' is not a UUID");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
