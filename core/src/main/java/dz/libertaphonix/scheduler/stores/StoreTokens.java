package dz.libertaphonix.scheduler.stores;

import dz.libertaphonix.scheduler.common.CredentialState;
import dz.libertaphonix.scheduler.ecomanager.EcoManagerCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Everything about a store's EcoManager token: the one gate between the encrypted token and the code
 * that must send it upstream, and the record of EcoManager refusing it. The admin API never calls
 * {@link #credentials}; it only sees {@link Store#maskedToken()}.
 */
@ApplicationScoped
public class StoreTokens {

    private final TokenCipher cipher;
    private final StoreRepository stores;
    private final Clock clock;

    public StoreTokens(TokenCipher cipher, StoreRepository stores, Clock clock) {
        this.cipher = cipher;
        this.stores = stores;
        this.clock = clock;
    }

    /** Encrypts and sets a new token on the store (the caller's transaction persists it). */
    public void assign(Store store, String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        String trimmed = token.trim();
        store.apiTokenEncrypted = cipher.encrypt(trimmed);
        store.apiTokenHint = trimmed.length() <= 8 ? "" : trimmed.substring(trimmed.length() - 4);
    }

    /** What the EcoManager client needs to call the store's API, the token decrypted. Never log the token. */
    public EcoManagerCredentials credentials(Store store) {
        return new EcoManagerCredentials(store.identifier, store.baseUrl, cipher.decrypt(store.apiTokenEncrypted));
    }

    /**
     * Records that EcoManager refused the store's token; the import skips the store until its token
     * changes (a new token clears the state, see {@link StoreAdminService#update}).
     *
     * @return whether the store was not REJECTED before: a rejection to announce
     */
    @Transactional
    public boolean markRejected(long storeId, String reason) {
        return stores.findByIdOptional(storeId)
                .map(store -> {
                    boolean newly = store.credentialState != CredentialState.REJECTED;
                    store.credentialState = CredentialState.REJECTED;
                    store.credentialError = reason;
                    store.credentialCheckedAt = clock.instant();
                    store.updatedAt = store.credentialCheckedAt;
                    return newly;
                })
                .orElse(false);
    }
}
