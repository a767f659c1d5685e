package dz.libertaphonix.scheduler.stores;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store's webhook secret: the key EcoManager signs each delivery with (HMAC-SHA256). Held
 * encrypted at rest like the API token ({@link TokenCipher}, bound to its own column); this is the
 * one place that creates or decrypts it. Never logged, never returned by the API.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final String COLUMN = "stores.webhook_secret";
    private static final int DECRYPTED_KEPT = 256;

    private final TokenCipher cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    // Every delivery checks its signature, so the same stored value is decrypted again and again: it
    // is decrypted once and kept, keyed by the stored bytes. A rotation stores new bytes (a new IV),
    // so a kept entry never answers for a secret that was replaced.
    private final Map<ByteBuffer, String> decrypted = new ConcurrentHashMap<>();

    public WebhookSecrets(TokenCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The store's secret, decrypted; empty when none was ever set (no webhook registered). */
    public Optional<String> secret(Store store) {
        return secret(store.webhookSecretEncrypted);
    }

    /** The secret a {@code stores.webhook_secret_encrypted} value holds; empty for null. */
    public Optional<String> secret(byte[] encrypted) {
        if (encrypted == null) {
            return Optional.empty();
        }
        ByteBuffer stored = ByteBuffer.wrap(encrypted.clone());
        String secret = decrypted.get(stored);
        if (secret == null) {
            secret = cipher.decrypt(encrypted, COLUMN);
            if (decrypted.size() >= DECRYPTED_KEPT) {
                decrypted.clear();
            }
            decrypted.put(stored, secret);
        }
        return Optional.of(secret);
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
