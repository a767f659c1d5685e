package dz.libertaphonix.scheduler.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.common.aws.EventBridgeClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Run events as EventBridge {@code PutEvents} on the application's bus ({@code source}
 * {@code libertaphonix.scheduler}, {@code detail-type} SyncCompleted / SyncFailed / SyncSkipped).
 *
 * <p>The SDK client is built on first use or by {@link #prepare()}, never at injection: the job
 * functions prepare it beside their start-up, the api only when it first publishes. Credentials and
 * region come from the SDK's default chains (the function's role and {@code AWS_REGION} in Lambda).
 */
@ApplicationScoped
@Typed(EventBridgeRunEventPublisher.class)
public class EventBridgeRunEventPublisher implements RunEventPublisher {

    private static final Logger LOG = Logger.getLogger(EventBridgeRunEventPublisher.class);

    private final RunsConfig.EventBridge config;
    private final ObjectMapper json;
    private volatile EventBridgeClient client;

    public EventBridgeRunEventPublisher(RunsConfig config, ObjectMapper json) {
        this.config = config.eventbridge();
        this.json = json;
    }

    @Override
    public void publish(RunEvent event) {
        try {
            PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                    .eventBusName(config.busName())
                    .source(config.source())
                    .detailType(event.type().detailType())
                    .time(event.endedAt())
                    .detail(json.writeValueAsString(event.detail()))
                    .build();
            PutEventsResponse response =
                    client().putEvents(PutEventsRequest.builder().entries(entry).build());
            if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
                PutEventsResultEntry result = response.entries().get(0);
                LOG.warnf(
                        "EventBridge refused the %s event: %s %s",
                        event.type().detailType(), result.errorCode(), result.errorMessage());
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // the run is already recorded in the ledger; a lost notification must not turn it into a failure
            LOG.warnf("could not publish the %s event: %s", event.type().detailType(), ErrorSummary.oneLine(e));
        }
    }

    @Override
    public void prepare() {
        try {
            client();
        } catch (RuntimeException e) {
            LOG.warnf("EventBridge client not ready yet: %s", ErrorSummary.oneLine(e));
        }
    }

    private EventBridgeClient client() {
        EventBridgeClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = build();
                }
                current = client;
            }
        }
        return current;
    }

    private EventBridgeClient build() {
        return EventBridgeClients.build(config.region(), config.endpoint(), config.timeout());
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
