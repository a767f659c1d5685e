package dz.libertaphonix.scheduler.importing.webhook;

import java.time.Instant;

/**
 * A store's webhooks at a glance.
 *
 * @param registered webhook ids registered on EcoManager for it
 * @param lastDeliveryAt the last accepted delivery, null if none
 * @param deliveries24h accepted deliveries in the last 24 hours
 * @param rejections24h refused deliveries (signature) in the last 24 hours, counted by the hour
 */
public record WebhookStats(int registered, Instant lastDeliveryAt, int deliveries24h, int rejections24h) {

    public static final WebhookStats NONE = new WebhookStats(0, null, 0, 0);
}
