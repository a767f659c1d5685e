package dz.libertaphonix.scheduler.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An EventBridge event as a Lambda function receives it: a rule's {@code Scheduled Event}, or one of
 * the application's events ({@link SyncRequested} …) in its {@code detail}.
 *
 * @param id the event id, the same on every delivery of one event: the deduplication key
 * @param detailType {@code Scheduled Event}, {@code SyncRequested} …
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

    /** The {@code detail-type} of an EventBridge schedule rule's events (AWS's own). */
    public static final String SCHEDULED_EVENT = "Scheduled Event";
}
