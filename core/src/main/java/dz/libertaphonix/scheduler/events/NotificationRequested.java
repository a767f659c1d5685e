package dz.libertaphonix.scheduler.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * "Deliver this to that subscription": the detail of a {@code NotificationRequested} event, put on the
 * application bus by the job functions, one per subscription an event goes to. The subscription's
 * rule matches it by {@code subscriptionId} and its API destination POSTs {@code body} with the
 * headers taken from the other fields (docs/notifications.md).
 *
 * @param event {@code X-Scheduler-Event}
 * @param deliveryId {@code X-Scheduler-Delivery}
 * @param signature {@code X-Scheduler-Signature}, over the body as written here
 * @param body the delivery's body
 */
@RegisterForReflection
public record NotificationRequested(
        long subscriptionId, String deliveryId, String event, String signature, JsonNode body) {

    public static final String DETAIL_TYPE = "NotificationRequested";
}
