package dz.libertaphonix.scheduler.stores;

import dz.libertaphonix.scheduler.common.CredentialState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Creates stores and changes their token and credential state. */
@ApplicationScoped
public class StoreService {

    private final StoreRepository stores;
    private final StoreTokens tokens;
    private final Clock clock;

    public StoreService(StoreRepository stores, StoreTokens tokens, Clock clock) {
        this.stores = stores;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    public Store register(String identifier, String name, String baseUrl, String token, boolean active) {
        Instant now = clock.instant();
        Store store = new Store();
        store.identifier = identifier;
        store.name = name;
        store.baseUrl = baseUrl;
        store.active = active;
        store.createdAt = now;
        store.updatedAt = now;
        tokens.assign(store, token);
        stores.persist(store);
        return store;
    }

    /** A new token clears a REJECTED state: the store is tried again on the next import. */
    @Transactional
    public Store replaceToken(long storeId, String token) {
        Store store = stores.findByIdOptional(storeId).orElseThrow(() -> new StoreNotFoundException(storeId));
        tokens.assign(store, token);
        store.credentialState = CredentialState.OK;
        store.credentialError = null;
        store.credentialCheckedAt = null;
        store.updatedAt = clock.instant();
        return store;
    }

    /** Marks the store's token as refused upstream; the import skips it until the token changes. */
    @Transactional
    public void markCredentialsRejected(long storeId, String reason) {
        stores.findByIdOptional(storeId).ifPresent(store -> {
            store.credentialState = CredentialState.REJECTED;
            store.credentialError = reason;
            store.credentialCheckedAt = clock.instant();
            store.updatedAt = store.credentialCheckedAt;
        });
    }
}
