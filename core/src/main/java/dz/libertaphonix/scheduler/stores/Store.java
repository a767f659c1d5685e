package dz.libertaphonix.scheduler.stores;

import dz.libertaphonix.scheduler.common.CredentialState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An EcoManager shop account. The API token is only ever held encrypted here; {@link StoreTokens}
 * is the one place that decrypts it, for the EcoManager client.
 */
@Entity
@Table(name = "stores")
public class Store {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Short code such as {@code NATU}, unique. */
    @Column(nullable = false, unique = true)
    public String identifier;

    @Column(nullable = false)
    public String name;

    /** {@code https://<account>.ecomanager.dz/api/shop/v2} */
    @Column(name = "base_url", nullable = false)
    public String baseUrl;

    @Column(name = "api_token_encrypted", nullable = false)
    byte[] apiTokenEncrypted;

    @Column(name = "api_token_hint", nullable = false)
    public String apiTokenHint;

    /** The secret EcoManager signs this store's webhook deliveries with, encrypted; see {@link WebhookSecrets}. */
    @Column(name = "webhook_secret_encrypted")
    byte[] webhookSecretEncrypted;

    @Column(name = "webhook_secret_rotated_at")
    public Instant webhookSecretRotatedAt;

    @Column(nullable = false)
    public boolean active = true;

    /** Highest EcoManager order id imported and committed. */
    @Column(name = "import_cursor", nullable = false)
    public long importCursor;

    @Column(name = "last_import_at")
    public Instant lastImportAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "credential_state", nullable = false)
    public CredentialState credentialState = CredentialState.OK;

    @Column(name = "credential_error")
    public String credentialError;

    @Column(name = "credential_checked_at")
    public Instant credentialCheckedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The token as the API may show it: only its last characters. */
    public String maskedToken() {
        return "••••" + apiTokenHint;
    }

    @Override
    public String toString() {
        // never the token, not even encrypted
        return "Store[" + identifier + "]";
    }
}
