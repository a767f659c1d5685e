package dz.libertaphonix.scheduler.stores;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one gate between a store's encrypted token and the code that must send it upstream. The
 * admin API never calls {@link #reveal}; it only sees {@link Store#maskedToken()}.
 */
@ApplicationScoped
public class StoreTokens {

    private final TokenCipher cipher;

    public StoreTokens(TokenCipher cipher) {
        this.cipher = cipher;
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

    /** The clear token, for the Authorization header of an upstream call. Never log it. */
    public String reveal(Store store) {
        return cipher.decrypt(store.apiTokenEncrypted);
    }
}
