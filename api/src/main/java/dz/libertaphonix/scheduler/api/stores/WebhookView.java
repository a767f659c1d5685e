package dz.libertaphonix.scheduler.api.stores;

import dz.libertaphonix.scheduler.api.http.ApiTime;
import dz.libertaphonix.scheduler.importing.webhook.RegisteredWebhook;
import java.time.OffsetDateTime;

/** A webhook we registered on the store's EcoManager account. Its secret is never shown. */
public record WebhookView(
        String webhookId, String event, String deliveryUrl, String registeredBy, OffsetDateTime registeredAt) {

    static WebhookView of(RegisteredWebhook webhook) {
        return new WebhookView(
                webhook.webhookId,
                webhook.event.name(),
                webhook.deliveryUrl,
                webhook.registeredBy,
                ApiTime.algiers(webhook.registeredAt));
    }
}
