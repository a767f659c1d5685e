package dz.libertaphonix.scheduler.notifications.delivery;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One delivery to one subscription, ready to post: the raw body exactly as signed, its signature and
 * the headers' values. The same object is posted at every attempt, so the delivery id stays the same.
 *
 * @param event the name in {@code X-Scheduler-Event} ({@code SyncFailed} …, {@code Test})
 * @param deliveryId {@code X-Scheduler-Delivery}
 * @param signature {@code X-Scheduler-Signature}: {@code sha256=<hex>}
 */
public record Notification(
        long subscriptionId, String url, String event, UUID deliveryId, byte[] body, String signature) {

    public static final String EVENT_HEADER = "X-Scheduler-Event";
    public static final String DELIVERY_HEADER = "X-Scheduler-Delivery";
    public static final String SIGNATURE_HEADER = "X-Scheduler-Signature";

    /** The event name of a "send test" delivery. */
    public static final String TEST_EVENT = "Test";

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Notification[" + event + " " + deliveryId + " to subscription " + subscriptionId + "]";
    }
}
