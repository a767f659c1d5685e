package dz.libertaphonix.scheduler.notifications;

import dz.libertaphonix.scheduler.events.eventbridge.EventBridgeNotificationRoutes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** Picks the routes of {@code scheduler.notifications.delivery}: EventBridge's, or none (in-process, off). */
@ApplicationScoped
public class NotificationRoutesProducer {

    private static final NotificationRoutes NONE = new NotificationRoutes() {
        @Override
        public void sync(Subscription subscription) {}

        @Override
        public void remove(long subscriptionId) {}
    };

    @Produces
    @ApplicationScoped
    NotificationRoutes routes(NotificationsConfig config, Instance<EventBridgeNotificationRoutes> eventBridge) {
        return config.delivery() == NotificationsConfig.Delivery.EVENTBRIDGE ? eventBridge.get() : NONE;
    }
}
