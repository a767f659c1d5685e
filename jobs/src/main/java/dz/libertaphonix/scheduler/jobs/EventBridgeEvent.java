package dz.libertaphonix.scheduler.jobs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An EventBridge event as Lambda receives it: a rule's {@code Scheduled Event}, or the application's
 * {@code SyncRequested} (detail: {@code job}, {@code runId}, {@code actor}).
 *
 * @param id the event id, the same on every delivery of one event: the deduplication key
 * @param detailType {@code Scheduled Event} or {@code SyncRequested}
 * @param time when the event happened; for a scheduled event, the instant the rule fired for
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventBridgeEvent(
        String version,
        String id,
        @JsonProperty("detail-type") String detailType,
        String source,
        String account,
        Instant time,
        String region,
        List<String> resources,
        Map<String, Object> detail) {

    public static final String SCHEDULED_EVENT = "Scheduled Event";
    public static final String SYNC_REQUESTED = "SyncRequested";
}
