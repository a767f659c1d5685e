package dz.libertaphonix.scheduler.notifications;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A notification subscription: a receiver's URL, the events and jobs it wants, the body's format, the
 * secret that signs each delivery (held encrypted; {@link SubscriptionSecrets} is the one place that
 * decrypts it), and how its last delivery went. The delivery columns are written by {@link
 * dz.libertaphonix.scheduler.notifications.delivery.DeliveryRecorder} in one statement, outside this
 * entity's version, so a delivery never conflicts with an admin's edit.
 */
@Entity
@Table(name = "notification_subscriptions")
public class Subscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String url;

    /** Event names ({@code SyncFailed} …), in the order given. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> events = new ArrayList<>();

    /** Job ids; null or empty = every job. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> jobs;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationFormat format = NotificationFormat.JSON;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChatLanguage language = ChatLanguage.FR;

    @Column(name = "secret_encrypted", nullable = false)
    byte[] secretEncrypted;

    @Column(name = "secret_hint", nullable = false)
    public String secretHint;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @Column(name = "last_delivery_id", insertable = false, updatable = false)
    public UUID lastDeliveryId;

    @Column(name = "last_delivery_event", insertable = false, updatable = false)
    public String lastDeliveryEvent;

    @Column(name = "last_delivery_at", insertable = false, updatable = false)
    public Instant lastDeliveryAt;

    @Column(name = "last_delivery_ok", insertable = false, updatable = false)
    public Boolean lastDeliveryOk;

    @Column(name = "last_http_status", insertable = false, updatable = false)
    public Integer lastHttpStatus;

    @Column(name = "last_attempts", insertable = false, updatable = false)
    public Integer lastAttempts;

    @Column(name = "last_error", insertable = false, updatable = false)
    public String lastError;

    @Column(name = "last_failure_at", insertable = false, updatable = false)
    public Instant lastFailureAt;

    @Column(name = "delivered_count", insertable = false, updatable = false)
    public long deliveredCount;

    @Column(name = "failed_count", insertable = false, updatable = false)
    public long failedCount;

    @Column(name = "consecutive_failures", insertable = false, updatable = false)
    public int consecutiveFailures;

    /** The secret as the API may show it: only its last characters. */
    public String maskedSecret() {
        return "••••" + secretHint;
    }

    /** Whether the subscription wants this event of this job (a null job passes any jobs filter). */
    public boolean wants(NotificationEvent event, String job) {
        if (!enabled || !events.contains(event.eventName())) {
            return false;
        }
        return jobs == null || jobs.isEmpty() || job == null || jobs.contains(job);
    }

    @Override
    public String toString() {
        // never the secret, not even encrypted
        return "Subscription[" + id + " " + ReceiverUrls.masked(url) + " " + events + "]";
    }
}
