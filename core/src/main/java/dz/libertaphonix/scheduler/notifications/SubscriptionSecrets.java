package dz.libertaphonix.scheduler.notifications;

import dz.libertaphonix.scheduler.stores.TokenCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The one gate to a subscription's signing secret: encrypted with the store tokens' key (bound to its
 * own column, so a blob copied from {@code stores} does not decrypt here), generated when the admin
 * gives none, decrypted only to sign a delivery.
 */
@ApplicationScoped
public class SubscriptionSecrets {

    static final String COLUMN = "notification_subscriptions.secret";

    /** A secret shorter than this is refused: an HMAC key guessable by brute force signs nothing. */
    public static final int MIN_LENGTH = 16;

    private final TokenCipher cipher;
    private final SecureRandom random = new SecureRandom();

    public SubscriptionSecrets(TokenCipher cipher) {
        this.cipher = cipher;
    }

    /** 32 random bytes in hex. */
    public String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Encrypts and sets the secret (the caller's transaction persists it). */
    public void assign(Subscription subscription, String secret) {
        subscription.secretEncrypted = cipher.encrypt(secret, COLUMN);
        subscription.secretHint = secret.substring(secret.length() - 4);
    }

    /** The secret, to sign a delivery. Never log it. */
    public String secret(Subscription subscription) {
        return cipher.decrypt(subscription.secretEncrypted, COLUMN);
    }
}
