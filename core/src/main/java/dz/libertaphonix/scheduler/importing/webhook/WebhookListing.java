package dz.libertaphonix.scheduler.importing.webhook;

import dz.libertaphonix.scheduler.ecomanager.EcoManagerWebhooks.RemoteWebhook;
import java.util.List;

/**
 * A store's webhooks: ours, and EcoManager's view of the account.
 *
 * @param deliveryUrl where this store's deliveries are expected
 * @param upstream null when EcoManager could not be asked ({@code upstreamError} says why)
 */
public record WebhookListing(
        String deliveryUrl, List<RegisteredWebhook> ours, List<RemoteWebhook> upstream, String upstreamError) {}
