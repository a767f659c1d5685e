package dz.libertaphonix.scheduler.api.stores;

import dz.libertaphonix.scheduler.api.http.ApiTime;
import dz.libertaphonix.scheduler.importing.webhook.WebhookStats;
import dz.libertaphonix.scheduler.stores.Store;
import java.time.OffsetDateTime;

/**
 * A store as the admin sees it. The token is never returned: {@code token} shows its last
 * characters only ({@code ••••3f9a}). {@code webhooks} sums up its EcoManager webhooks.
 */
public record StoreView(
        long id,
        String identifier,
        String name,
        String baseUrl,
        String token,
        boolean active,
        long importCursor,
        OffsetDateTime lastImportAt,
        String credentialState,
        String credentialError,
        OffsetDateTime credentialCheckedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        Webhooks webhooks) {

    /**
     * The store's EcoManager webhooks at a glance.
     *
     * @param registered webhook ids of ours on EcoManager
     * @param lastDeliveryAt the last accepted delivery, null if none
     * @param deliveries24h accepted deliveries in the last 24 hours
     * @param rejections24h deliveries refused (signature) in the last 24 hours
     */
    public record Webhooks(int registered, OffsetDateTime lastDeliveryAt, int deliveries24h, int rejections24h) {

        static Webhooks of(WebhookStats stats) {
            return new Webhooks(
                    stats.registered(),
                    ApiTime.algiers(stats.lastDeliveryAt()),
                    stats.deliveries24h(),
                    stats.rejections24h());
        }
    }

    static StoreView of(Store store, WebhookStats webhooks) {
        return new StoreView(
                store.id,
                store.identifier,
                store.name,
                store.baseUrl,
                store.maskedToken(),
                store.active,
                store.importCursor,
                ApiTime.algiers(store.lastImportAt),
                store.credentialState.name(),
                store.credentialError,
                ApiTime.algiers(store.credentialCheckedAt),
                ApiTime.algiers(store.createdAt),
                ApiTime.algiers(store.updatedAt),
                Webhooks.of(webhooks == null ? WebhookStats.NONE : webhooks));
    }
}
