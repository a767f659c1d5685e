package dz.libertaphonix.scheduler.events.eventbridge;

import dz.libertaphonix.scheduler.events.SchedulerEvent;
import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.RunsConfig;
import dz.libertaphonix.scheduler.runs.events.RunEventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Run events on the application's bus: {@code detail-type} SyncCompleted / SyncFailed / SyncSkipped,
 * the {@link dz.libertaphonix.scheduler.events.RunOutcome} as {@code detail}; RunMissed and
 * CredentialsRejected with their own record as {@code detail}. Each call is bounded by
 * {@code scheduler.runs.eventbridge.timeout}: a run's end never waits longer for it.
 */
@ApplicationScoped
@Typed(EventBridgeRunEventPublisher.class)
public class EventBridgeRunEventPublisher implements RunEventPublisher {

    private static final Logger LOG = Logger.getLogger(EventBridgeRunEventPublisher.class);

    private final ApplicationBus bus;
    private final EventBridgeConnection connection;
    private final RunsConfig config;
    private final EventBridgeNotifications notifications;

    public EventBridgeRunEventPublisher(
            ApplicationBus bus,
            EventBridgeConnection connection,
            RunsConfig config,
            EventBridgeNotifications notifications) {
        this.bus = bus;
        this.connection = connection;
        this.config = config;
        this.notifications = notifications;
    }

    @Override
    public void publish(SchedulerEvent event) {
        try {
            PutEventsResultEntry result = bus.put(
                    event.detailType(),
                    event.detail(),
                    event.time(),
                    config.eventbridge().timeout());
            if (result.errorCode() != null) {
                LOG.warnf(
                        "EventBridge refused the %s event: %s %s",
                        event.detailType(), result.errorCode(), result.errorMessage());
            }
        } catch (RuntimeException e) {
            // the run is already recorded in the ledger; a lost notification must not turn it into a failure
            LOG.warnf("could not publish the %s event: %s", event.detailType(), ErrorSummary.oneLine(e));
        }
        notifications.request(event);
    }

    @Override
    public void prepare() {
        try {
            connection.prepare();
        } catch (RuntimeException e) {
            LOG.warnf("EventBridge client not ready yet: %s", ErrorSummary.oneLine(e));
        }
    }
}
