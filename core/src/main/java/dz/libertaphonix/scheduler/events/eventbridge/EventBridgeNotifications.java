package dz.libertaphonix.scheduler.events.eventbridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dz.libertaphonix.scheduler.events.NotificationRequested;
import dz.libertaphonix.scheduler.events.SchedulerEvent;
import dz.libertaphonix.scheduler.notifications.NotificationEvent;
import dz.libertaphonix.scheduler.notifications.NotificationsConfig;
import dz.libertaphonix.scheduler.notifications.delivery.Notification;
import dz.libertaphonix.scheduler.notifications.delivery.NotificationPlanner;
import dz.libertaphonix.scheduler.runs.ErrorSummary;
import dz.libertaphonix.scheduler.runs.RunsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * The job functions' half of the AWS delivery path: one {@code NotificationRequested} event on the
 * application bus per subscription an event goes to, its body written and signed by the same planner
 * as in-process; each subscription's rule and API destination do the rest. Never fails the caller.
 */
@ApplicationScoped
public class EventBridgeNotifications {

    private static final Logger LOG = Logger.getLogger(EventBridgeNotifications.class);

    private final NotificationsConfig config;
    private final NotificationPlanner planner;
    private final ApplicationBus bus;
    private final RunsConfig runs;
    private final ObjectMapper json;

    public EventBridgeNotifications(
            NotificationsConfig config,
            NotificationPlanner planner,
            ApplicationBus bus,
            RunsConfig runs,
            ObjectMapper json) {
        this.config = config;
        this.planner = planner;
        this.bus = bus;
        this.runs = runs;
        this.json = json;
    }

    public void request(SchedulerEvent event) {
        if (config.delivery() != NotificationsConfig.Delivery.EVENTBRIDGE
                || NotificationEvent.of(event).isEmpty()) {
            return;
        }
        try {
            for (Notification notification : planner.plan(event)) {
                NotificationRequested detail = new NotificationRequested(
                        notification.subscriptionId(),
                        notification.deliveryId().toString(),
                        notification.event(),
                        notification.signature(),
                        json.readTree(notification.body()));
                PutEventsResultEntry result = bus.put(
                        NotificationRequested.DETAIL_TYPE,
                        detail,
                        event.time(),
                        runs.eventbridge().timeout());
                if (result.errorCode() != null) {
                    LOG.warnf("EventBridge refused %s: %s %s", notification, result.errorCode(), result.errorMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the run is recorded; a notification lost here is logged, never the run's failure
            LOG.warnf("no %s notification requested: %s", event.detailType(), ErrorSummary.oneLine(e));
        }
    }
}
