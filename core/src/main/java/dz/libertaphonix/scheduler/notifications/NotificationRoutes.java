package dz.libertaphonix.scheduler.notifications;

/**
 * Port: what must exist outside the database for a subscription's deliveries to go out. Nothing
 * in-process (the executor reads the subscriptions); in AWS the subscription's EventBridge connection,
 * API destination and rule ({@code EventBridgeNotificationRoutes}).
 */
public interface NotificationRoutes {

    /** Makes the subscription's route match its current state (URL, enabled), creating it if needed. */
    void sync(Subscription subscription);

    /** Removes the subscription's route; nothing to remove is fine. */
    void remove(long subscriptionId);
}
