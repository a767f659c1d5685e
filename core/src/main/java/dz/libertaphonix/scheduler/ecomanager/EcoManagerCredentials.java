package dz.libertaphonix.scheduler.ecomanager;

import java.util.Objects;

/**
 * What a call to one store's EcoManager shop API needs: the store's identifier (for logs, messages
 * and the rate budget's name), the base URL of its API, and its token in clear. The token is a
 * secret: {@link #toString()} never shows it. Built by {@code StoreTokens}, the one place that
 * decrypts a token.
 *
 * @param store the store's identifier, such as {@code NATU}
 * @param baseUrl {@code https://<account>.ecomanager.dz/api/shop/v2}
 * @param token the API token, decrypted
 */
public record EcoManagerCredentials(String store, String baseUrl, String token) {

    public EcoManagerCredentials {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "EcoManagerCredentials[" + store + ", " + baseUrl + "]";
    }
}
