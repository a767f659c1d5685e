package dz.libertaphonix.scheduler.stores;

/**
 * An admin's edit of a store; a null field leaves the store's value as it is.
 *
 * @param name new display name
 * @param baseUrl new EcoManager base URL
 * @param token new API token (write-only: it is encrypted and never read back)
 * @param active whether the import should visit the store
 */
public record StoreChanges(String name, String baseUrl, String token, Boolean active) {

    public StoreChanges {
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
    }
}
