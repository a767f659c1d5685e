package dz.libertaphonix.scheduler.stores;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A store's webhook secret: the key EcoManager signs each delivery with (HMAC-SHA256). Held
 * encrypted at rest like the API token ({@link TokenCipher}, bound to its own column); this is the
 * one place that creates or decrypts it. Never logged, never returned by the API.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final String COLUMN = "stores.webhook_secret";

    private final TokenCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public WebhookSecrets(TokenCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The store's secret, decrypted; empty when none was ever set (no webhook registered). */
    public Optional<String> secret(Store store) {
        return store.webhookSecretEncrypted == null
                ? Optional.empty()
                : Optional.of(cipher.decrypt(store.webhookSecretEncrypted, COLUMN));
    }

    /** A new random secret (256 bits, hex), not yet set on any store. */
    public String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Encrypts and sets the secret on the store (the caller's transaction persists it). */
    public void assign(Store store, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("secret must not be blank");
        }
        store.webhookSecretEncrypted = cipher.encrypt(secret, COLUMN);
        store.webhookSecretRotatedAt = clock.instant();
    }
}
