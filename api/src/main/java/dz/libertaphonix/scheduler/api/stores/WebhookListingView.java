package dz.libertaphonix.scheduler.api.stores;

import dz.libertaphonix.scheduler.ecomanager.EcoManagerWebhooks.RemoteWebhook;
import dz.libertaphonix.scheduler.importing.webhook.WebhookListing;
import java.util.List;

/**
 * A store's webhooks: ours ({@code registered}) and EcoManager's list ({@code ecomanager}, each
 * marked {@code ours}); {@code ecomanager} is null and {@code ecomanagerError} says why when
 * EcoManager could not be asked.
 */
public record WebhookListingView(
        String deliveryUrl, List<WebhookView> registered, List<RemoteWebhookView> ecomanager, String ecomanagerError) {

    /** A webhook as EcoManager lists it. */
    public record RemoteWebhookView(
            String webhookId, String name, String event, String deliveryUrl, Boolean active, boolean ours) {}

    static WebhookListingView of(WebhookListing listing) {
        List<WebhookView> ours = listing.ours().stream().map(WebhookView::of).toList();
        List<RemoteWebhookView> upstream = listing.upstream() == null
                ? null
                : listing.upstream().stream()
                        .map(remote -> remote(remote, ours))
                        .toList();
        return new WebhookListingView(listing.deliveryUrl(), ours, upstream, listing.upstreamError());
    }

    private static RemoteWebhookView remote(RemoteWebhook remote, List<WebhookView> ours) {
        boolean mine = ours.stream().anyMatch(w -> w.webhookId().equals(remote.id()));
        return new RemoteWebhookView(
                remote.id(), remote.name(), remote.event(), remote.deliveryUrl(), remote.active(), mine);
    }
}
