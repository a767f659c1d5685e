package dz.libertaphonix.scheduler.api.stores;

import dz.libertaphonix.scheduler.api.http.ApiTime;
import dz.libertaphonix.scheduler.stores.Store;
import java.time.OffsetDateTime;

/**
 * A store as the admin sees it. The token is never returned: {@code token} shows its last
 * characters only ({@code ••••3f9a}).
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
        OffsetDateTime updatedAt) {

    static StoreView of(Store store) {
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
                ApiTime.algiers(store.updatedAt));
    }
}
