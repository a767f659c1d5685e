package dz.libertaphonix.scheduler.events.eventbridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * The application's event bus: one typed event at a time, as {@code PutEvents} with the bus and the
 * {@code source} of {@link EventBridgeConfig}, its detail written as JSON from the event's record.
 */
@ApplicationScoped
public class ApplicationBus {

    private final EventBridgeConnection connection;
    private final EventBridgeConfig config;
    private final ObjectMapper json;

    public ApplicationBus(EventBridgeConnection connection, EventBridgeConfig config, ObjectMapper json) {
        this.connection = connection;
        this.config = config;
        this.json = json;
    }

    /**
     * Puts one event on the bus.
     *
     * @param time the event's time; null lets EventBridge stamp it
     * @param timeout bound of this call, retries included; null for {@code call-timeout}
     * @return EventBridge's answer for the entry: its event id, or why it refused it ({@code errorCode})
     * @throws software.amazon.awssdk.core.exception.SdkException when EventBridge cannot be reached
     */
    public PutEventsResultEntry put(String detailType, Object detail, Instant time, Duration timeout) {
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                .eventBusName(config.eventBus())
                .source(config.eventSource())
                .detailType(detailType)
                .time(time)
                .detail(toJson(detailType, detail))
                .build();
        PutEventsRequest.Builder request = PutEventsRequest.builder().entries(entry);
        if (timeout != null) {
            request.overrideConfiguration(override -> override.apiCallTimeout(timeout));
        }
        PutEventsResponse response = connection.client().putEvents(request.build());
        if (response.entries().isEmpty()) {
            // EventBridge answers one result per entry; none at all is a refusal without a reason
            return PutEventsResultEntry.builder()
                    .errorCode("NoResult")
                    .errorMessage("no result for the entry")
                    .build();
        }
        return response.entries().get(0);
    }

    private String toJson(String detailType, Object detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + detailType + " detail", e);
        }
    }
}
